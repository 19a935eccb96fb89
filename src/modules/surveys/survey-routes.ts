import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { ALL_STAFF, requireRole } from '../auth/require-role.js';
import { complaintRefParams, resolveComplaintRef } from '../complaints/complaint-ref.js';
import { assertVisible } from '../complaints/queries/get-complaint.js';
import { answerSurvey, surveyAnswerInput } from './commands/answer-survey.js';
import { getSurveyPage } from './queries/get-survey-page.js';
import { satisfactionQuery, satisfactionReport } from './satisfaction-report.js';
import { listComplaintSurveys } from './survey-row.js';
import { loadSurveySettings, saveSurveySettings, surveySettingsInput } from './survey-settings.js';

// Any text: a malformed token is answered by the token check (404 survey_not_found), not by validation.
const tokenParams = z.object({ token: z.string().describe('the signed token from the survey link') });

export const surveyRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/surveys/:token', tag: 'surveys', auth: 'public',
    summary: 'The survey a signed link names (no sign-in): complaint number, subject, resolvedAt, status, locale, alreadyAnswered; 404 survey_not_found, 410 survey_expired',
    params: tokenParams,
    handler: ({ ctx, params }) => getSurveyPage(ctx, params.token),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/surveys/:token', tag: 'surveys', auth: 'public',
    summary: 'Answer a survey once (CSAT 1–5, NPS 0–10, comment): a low CSAT reopens the complaint for a supervisor, otherwise it is closed; twice → 409 survey_already_answered',
    params: tokenParams, body: surveyAnswerInput,
    response: { status: 201 },
    handler: ({ ctx, params, body }) => answerSurvey(ctx, params.token, body),
  }),
  // The customer's reopen is the service hall's POST /api/v1/portal/complaints/:ref/reopen; the
  // survey window is enforced inside changeStatus, so every way of reopening keeps to it.
  defineRoute({
    method: 'GET', url: '/api/v1/complaints/:id/surveys', tag: 'surveys', auth: 'required',
    summary: 'The satisfaction surveys of a complaint, one per resolution cycle (staff who can see it)',
    params: complaintRefParams,
    async handler({ ctx, principal, params }) {
      const id = await resolveComplaintRef(ctx.db, params.id);
      await assertVisible(ctx.db, principal, id);
      requireRole(principal, ALL_STAFF, 'read surveys');
      return { items: await listComplaintSurveys(ctx.db, id), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/reports/satisfaction', tag: 'surveys', auth: 'required',
    summary: 'Survey results per agent, department or category (at resolution time): sent, response rate, average CSAT, CSAT % (4–5), NPS, reopened after survey',
    query: satisfactionQuery,
    async handler({ ctx, principal, query }) {
      requireRole(principal, ['admin', 'supervisor', 'analyst'], 'read satisfaction reports');
      return satisfactionReport(ctx.db, query);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/admin/survey-settings', tag: 'surveys', auth: 'required',
    summary: 'Survey timing: delay after resolution, reminder, answer/reopen window, CSAT reopen threshold, auto-close (admins and supervisors)',
    async handler({ ctx, principal }) {
      requireRole(principal, ['admin', 'supervisor'], 'read survey settings');
      return loadSurveySettings(ctx.db);
    },
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/admin/survey-settings', tag: 'surveys', auth: 'required',
    summary: 'Change survey timing (admin); applies to surveys scheduled from now on',
    body: surveySettingsInput,
    async handler({ ctx, principal, body }) {
      requireRole(principal, ['admin'], 'edit survey settings');
      const now = ctx.clock.now();
      return ctx.db.transaction((tx) => saveSurveySettings(tx, body, now));
    },
  }),
];
