import { z } from 'zod';
import type { Queryable } from '../../db/database.js';
import { AppError } from '../../errors.js';

/** How surveys are timed; one row, edited by admins (GET/PUT /api/v1/admin/survey-settings). */
export interface SurveySettings {
  enabled: boolean;
  delayHours: number;
  reminderAfterHours: number;
  windowDays: number;
  csatReopenThreshold: number;
  autoClose: boolean;
  updatedAt: string;
}

export const surveySettingsInput = z
  .object({
    enabled: z.boolean().optional(),
    delayHours: z.number().int().min(0).max(720).optional().describe('hours after resolution the survey is sent (default 24)'),
    reminderAfterHours: z.number().int().min(1).max(720).optional().describe('one reminder this many hours after sending (default 48)'),
    windowDays: z.number().int().min(1).max(90).optional().describe('days after resolution for answers and customer reopen (default 7)'),
    csatReopenThreshold: z.number().int().min(0).max(5).optional().describe('a CSAT at or below this reopens the complaint (default 2; 0 = never)'),
    autoClose: z.boolean().optional().describe('close a still-resolved complaint when the window ends unanswered'),
  })
  .strict();
export type SurveySettingsInput = z.infer<typeof surveySettingsInput>;

interface Row {
  enabled: boolean;
  delay_hours: number;
  reminder_after_hours: number;
  window_days: number;
  csat_reopen_threshold: number;
  auto_close: boolean;
  updated_at: Date;
}

export async function loadSurveySettings(db: Queryable): Promise<SurveySettings> {
  const [r] = await db.query<Row>('select * from survey_settings');
  if (!r) throw new Error('survey_settings row missing');
  return {
    enabled: r.enabled,
    delayHours: r.delay_hours,
    reminderAfterHours: r.reminder_after_hours,
    windowDays: r.window_days,
    csatReopenThreshold: r.csat_reopen_threshold,
    autoClose: r.auto_close,
    updatedAt: r.updated_at.toISOString(),
  };
}

/** Applies the given fields; the combination must still make sense (the survey goes out before the window ends). */
export async function saveSurveySettings(tx: Queryable, input: SurveySettingsInput, now: Date): Promise<SurveySettings> {
  const current = await loadSurveySettings(tx);
  const next = { ...current, ...input };
  if (next.delayHours >= next.windowDays * 24) {
    throw new AppError('validation_failed', 'The survey must go out before the answer window ends.', [
      { path: 'body.delayHours', message: `must be less than windowDays × 24 (${next.windowDays * 24})` },
    ]);
  }
  await tx.query(
    `update survey_settings set enabled = $1, delay_hours = $2, reminder_after_hours = $3, window_days = $4,
            csat_reopen_threshold = $5, auto_close = $6, updated_at = $7`,
    [next.enabled, next.delayHours, next.reminderAfterHours, next.windowDays, next.csatReopenThreshold, next.autoClose, now],
  );
  return loadSurveySettings(tx);
}
