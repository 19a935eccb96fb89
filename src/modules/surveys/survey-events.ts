import { z } from 'zod';
import type { Lane } from '../events/event-types.js';

export const SURVEY_CHANNELS = ['email', 'sms', 'in_app'] as const;
const channel = z.enum(SURVEY_CHANNELS);

/** Payloads of the satisfaction-survey steps (issue 4 §6). The first three are a cross-team contract. */
export const SURVEY_EVENTS = {
  /** Due now: notify turns it into an email / SMS / in-app notice with the signed link (survey-link.ts). */
  'survey.requested': z.object({ surveyId: z.string(), channel, expiresAt: z.string() }),
  /** The one reminder. */
  'survey.reminded': z.object({ surveyId: z.string(), expiresAt: z.string() }),
  'survey.answered': z.object({ surveyId: z.string(), csat: z.number(), nps: z.number().nullable(), hasComment: z.boolean() }),
  'survey.scheduled': z.object({ surveyId: z.string(), cycle: z.number(), channel, sendAt: z.string(), expiresAt: z.string() }),
  'survey.cancelled': z.object({ surveyId: z.string(), reason: z.string() }),
  'survey.expired': z.object({ surveyId: z.string(), answered: z.boolean() }),
  /** A low score reopened the case for a supervisor (recovery). */
  'survey.recovery': z.object({ surveyId: z.string(), csat: z.number(), threshold: z.number(), supervisorId: z.string().nullable() }),
} as const;

export const SURVEY_EVENT_LANES: Record<keyof typeof SURVEY_EVENTS, Lane> = {
  // The notice itself is notify's evidence-lane event; asking is the survey service's step.
  'survey.requested': 'support',
  'survey.reminded': 'support',
  'survey.answered': 'customer',
  'survey.scheduled': 'support',
  'survey.cancelled': 'support',
  'survey.expired': 'support',
  'survey.recovery': 'backstage',
};
