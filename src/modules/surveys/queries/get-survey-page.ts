import type { AppContext } from '../../../http/context.js';
import { assertOpen, readSurvey, surveyIdFromToken } from '../survey-by-token.js';

/** What the survey page shows before the customer answers (no login: the token is the credential). */
export async function getSurveyPage(ctx: AppContext, token: string) {
  const id = await surveyIdFromToken(ctx, token);
  const s = await readSurvey(ctx.db, id);
  assertOpen(s, ctx.clock.now());
  const [c] = await ctx.db.query<{ number: string; subject: string; locale: string }>(
    `select c.number, c.subject, cu.locale from complaints c join customers cu on cu.id = c.customer_id where c.id = $1`,
    [s.complaint_id],
  );
  return {
    complaintNumber: c!.number,
    subject: c!.subject,
    resolvedAt: s.resolved_at.toISOString(),
    status: s.status,
    locale: c!.locale,
    alreadyAnswered: s.status === 'answered',
    expiresAt: s.expires_at.toISOString(),
  };
}
