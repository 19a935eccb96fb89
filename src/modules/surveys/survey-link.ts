import type { Config } from '../../config.js';
import { publicUrl } from '../../http/public-url.js';
import { signToken, verifyToken, type VerifyResult } from '../../security/signed-tokens.js';

/**
 * The survey link a customer answers without signing in: a signed token naming the survey,
 * valid until the survey window closes. Notices (email / SMS / in-app) build it with
 * `surveyUrl`; the survey pages check it with `verifySurveyToken`.
 */
const PURPOSE = 'survey';

export function surveyToken(secret: string, surveyId: string, expiresAt: Date): string {
  return signToken(secret, PURPOSE, { surveyId }, expiresAt);
}

export function surveyUrl(config: Pick<Config, 'PUBLIC_URL' | 'PORT'>, secret: string, surveyId: string, expiresAt: Date): string {
  return `${publicUrl(config)}/survey/${surveyToken(secret, surveyId, expiresAt)}`;
}

export function verifySurveyToken(secret: string, token: string, now: Date): { ok: true; surveyId: string } | Extract<VerifyResult, { ok: false }> {
  const r = verifyToken(secret, PURPOSE, token, now);
  if (!r.ok) return r;
  const id = r.data.surveyId;
  return typeof id === 'string' ? { ok: true, surveyId: id } : { ok: false, reason: 'malformed' };
}
