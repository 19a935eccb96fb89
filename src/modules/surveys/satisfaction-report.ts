import { z } from 'zod';
import type { Queryable, SqlParam } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { isoDateTime } from '../../http/schemas.js';

export const satisfactionQuery = z
  .object({
    groupBy: z.enum(['agent', 'department', 'category']).default('department'),
    from: isoDateTime.optional().describe('surveys of resolutions at or after this instant'),
    to: isoDateTime.optional().describe('… and before this instant'),
  })
  .strict();
export type SatisfactionQuery = z.infer<typeof satisfactionQuery>;

interface Agg {
  key: string | null;
  label: string | null;
  sent: number;
  answered: number;
  csat_sum: number;
  csat_good: number;
  nps_responses: number;
  promoters: number;
  detractors: number;
  reopened: number;
}

const GROUPS = {
  agent: { key: 's.agent_id::text', label: 'u.name', join: 'left join users u on u.id = s.agent_id' },
  department: { key: 'd.code', label: 'd.name', join: 'left join departments d on d.id = s.department_id' },
  category: { key: 's.category', label: 's.category', join: '' },
} as const;

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * The numbers per group: surveys sent, response rate (answered / sent), average CSAT, CSAT %
 * (share of answers scoring 4–5), NPS (promoters 9–10 minus detractors 0–6, as % of NPS
 * answers, −100…100) and how many complaints were reopened after their survey reached the
 * customer. Agent and department are those at resolution time.
 */
function metrics(a: Omit<Agg, 'key' | 'label'>) {
  return {
    sent: a.sent,
    answered: a.answered,
    responseRate: a.sent ? round(a.answered / a.sent, 4) : null,
    avgCsat: a.answered ? round(a.csat_sum / a.answered, 2) : null,
    csatPercent: a.answered ? round((100 * a.csat_good) / a.answered, 1) : null,
    npsResponses: a.nps_responses,
    nps: a.nps_responses ? round((100 * (a.promoters - a.detractors)) / a.nps_responses, 1) : null,
    reopenedAfterSurvey: a.reopened,
  };
}

export async function satisfactionReport(db: Queryable, q: SatisfactionQuery) {
  if (q.from && q.to && new Date(q.from) >= new Date(q.to)) {
    throw new AppError('validation_failed', '`from` must be before `to`.', [{ path: 'query.from', message: 'must be before to' }]);
  }
  const g = GROUPS[q.groupBy];
  const params: SqlParam[] = [];
  const where = ['s.sent_at is not null'];
  if (q.from) where.push(`s.resolved_at >= $${params.push(new Date(q.from))}`);
  if (q.to) where.push(`s.resolved_at < $${params.push(new Date(q.to))}`);
  const rows = await db.query<Agg>(
    `select ${g.key} as key, min(${g.label}) as label,
            count(*)::int as sent,
            count(s.answered_at)::int as answered,
            coalesce(sum(s.csat), 0)::int as csat_sum,
            count(*) filter (where s.csat >= 4)::int as csat_good,
            count(s.nps)::int as nps_responses,
            count(*) filter (where s.nps >= 9)::int as promoters,
            count(*) filter (where s.nps <= 6)::int as detractors,
            count(s.reopened_at)::int as reopened
       from surveys s ${g.join}
      where ${where.join(' and ')}
      group by 1 order by 1 nulls last`,
    params,
  );
  const total = rows.reduce(
    (t, r) => {
      for (const k of ['sent', 'answered', 'csat_sum', 'csat_good', 'nps_responses', 'promoters', 'detractors', 'reopened'] as const) t[k] += r[k];
      return t;
    },
    { sent: 0, answered: 0, csat_sum: 0, csat_good: 0, nps_responses: 0, promoters: 0, detractors: 0, reopened: 0 },
  );
  return {
    groupBy: q.groupBy,
    from: q.from ?? null,
    to: q.to ?? null,
    items: rows.map((r) => ({ key: r.key, label: r.label, ...metrics(r) })),
    total: metrics(total),
  };
}
