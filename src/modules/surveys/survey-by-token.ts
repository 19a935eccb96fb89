import type { Queryable } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { AppContext } from '../../http/context.js';
import { verifySurveyToken } from './survey-link.js';
import type { SurveyRow } from './survey-row.js';

const notFound = () => new AppError('survey_not_found', 'This survey link is not valid: check that it was copied completely.');

/**
 * The survey a link names. The token is the credential: a tampered or unknown token → 404
 * survey_not_found; one past its window → 410 survey_expired. Reads `for update` when given
 * a transaction that already holds the complaint lock.
 */
export async function surveyIdFromToken(ctx: Pick<AppContext, 'signingSecret' | 'clock'>, token: string): Promise<string> {
  const r = verifySurveyToken(ctx.signingSecret, token, ctx.clock.now());
  if (r.ok) return r.surveyId;
  if (r.reason === 'expired') throw new AppError('survey_expired', 'This survey closed: answers are taken until the end of its window.');
  throw notFound();
}

/** Refuses a survey that cannot be shown or answered now; answered ones pass (the caller decides). */
export function assertOpen(s: SurveyRow | undefined, now: Date): asserts s is SurveyRow {
  // A survey not sent yet has no link out there: whoever holds one did not get it from us.
  if (!s || s.status === 'scheduled') throw notFound();
  if (s.status === 'answered') return;
  if (s.status === 'cancelled') {
    throw new AppError('survey_expired', 'This survey is closed: the complaint was reopened and is being handled again.', [{ message: 'cancelled', reason: 'complaint_reopened' }]);
  }
  if (s.status === 'expired' || s.expires_at <= now) {
    throw new AppError('survey_expired', 'This survey closed: answers are taken until the end of its window.', [{ message: 'expired', expiredAt: s.expires_at.toISOString() }]);
  }
}

export async function readSurvey(db: Queryable, id: string, lock = false): Promise<SurveyRow | undefined> {
  const [s] = await db.query<SurveyRow>(`select * from surveys where id = $1 ${lock ? 'for update' : ''}`, [id]);
  return s;
}
