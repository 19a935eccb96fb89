import { z } from 'zod';
import { AppError } from '../../../errors.js';
import type { AppContext } from '../../../http/context.js';
import { text } from '../../../http/schemas.js';
import type { Actor } from '../../auth/principal.js';
import { transition } from '../../complaints/commands/change-status.js';
import { lockComplaint } from '../../complaints/complaint-row.js';
import { appendEvent } from '../../events/append-event.js';
import { SlaTransaction } from '../../sla/sla-commands.js';
import { startRecovery } from '../recovery.js';
import { assertOpen, readSurvey, surveyIdFromToken } from '../survey-by-token.js';
import { loadSurveySettings } from '../survey-settings.js';

export const surveyAnswerInput = z
  .object({
    csat: z.number().int().min(1).max(5).describe('satisfaction with the handling, 1 (very unsatisfied) – 5 (very satisfied)'),
    nps: z.number().int().min(0).max(10).optional().describe('how likely to recommend us, 0–10'),
    comment: text(2000).optional(),
  })
  .strict();
export type SurveyAnswerInput = z.infer<typeof surveyAnswerInput>;

export type SurveyOutcome = 'reopened' | 'closed' | 'recorded';

/**
 * Records the one answer a survey takes (the link is the credential, no sign-in). Exactly one
 * answer wins: the complaint is locked first, and the survey leaves sent/reminded under a
 * conditional UPDATE, so a second or concurrent answer gets 409 survey_already_answered.
 * In the same transaction: CSAT at or below the threshold reopens a resolved complaint (new
 * SLA cycle) as a recovery case for a supervisor; a higher CSAT closes it.
 */
export async function answerSurvey(ctx: AppContext, token: string, input: SurveyAnswerInput): Promise<{ surveyId: string; status: 'answered'; outcome: SurveyOutcome }> {
  const surveyId = await surveyIdFromToken(ctx, token);
  const now = ctx.clock.now();
  const found = await readSurvey(ctx.db, surveyId);
  assertOpen(found, now);
  const outcome = await ctx.db.transaction(async (tx): Promise<SurveyOutcome> => {
    const row = await lockComplaint(tx, found.complaint_id);
    const s = await readSurvey(tx, surveyId, true);
    assertOpen(s, now);
    const answered = await tx.query(
      `update surveys set status = 'answered', answered_at = $2, csat = $3, nps = $4, comment = $5
        where id = $1 and status in ('sent', 'reminded') and expires_at > $2 returning 1`,
      [surveyId, now, input.csat, input.nps ?? null, input.comment ?? null],
    );
    if (!answered.length) throw new AppError('survey_already_answered', 'This survey was already answered; thank you.');
    const customer: Actor = { kind: 'customer', id: row.customer_id, role: 'customer' };
    await appendEvent(tx, {
      complaintId: row.id, type: 'survey.answered', actor: customer, at: now,
      data: { surveyId, csat: input.csat, nps: input.nps ?? null, hasComment: Boolean(input.comment) },
    });
    const { csatReopenThreshold } = await loadSurveySettings(tx);
    const reason = `survey: CSAT ${input.csat}`;
    if (input.csat <= csatReopenThreshold) {
      // Reopening needs a resolved complaint; one the customer already confirmed stays closed
      // but still becomes a supervisor's recovery case.
      const reopen = row.status === 'resolved';
      const sla = reopen ? await transition(tx, row, 'reopened', customer, now, reason) : new SlaTransaction(tx, row, now);
      await startRecovery(tx, row, { id: surveyId, csat: input.csat, threshold: csatReopenThreshold }, now);
      await sla.persist({ tags: row.tags, assignee_id: row.assignee_id });
      return reopen ? 'reopened' : 'recorded';
    }
    if (row.status === 'resolved') {
      const sla = await transition(tx, row, 'closed', customer, now, reason);
      await sla.persist();
      return 'closed';
    }
    return 'recorded';
  });
  return { surveyId, status: 'answered', outcome };
}
