/**
 * Inserts that turn the per-batch plan (bench_plan, see plan-sql.ts) into rows: the
 * complaints, their SLA alerts, their messages and their event histories. Event types,
 * payloads, lanes and the order of events that share an instant follow what the commands
 * in src/modules/complaints write (created → classified → routed → sla.started; a public
 * reply before sla.first_response_met before the status change; sla.paused/resumed before
 * the status change that caused them).
 */
import { iso, ms } from './sql-text.js';

export const INSERT_COMPLAINTS = `
insert into complaints (id, number, customer_id, order_id, channel, subject, description, category, severity, status,
  department_id, assignee_id, amount_claimed, currency, tags, sla_cycle, sla_started_at, sla_paused_at, sla_paused_ms,
  first_response_due_at, first_response_at_risk_at, resolution_due_at, resolution_at_risk_at, sla_urgent_at,
  sla_next_check_at, sla_breached, first_response_at, resolved_at, closed_at, created_at, updated_at)
select id, number, customer_id, order_id, channel, subject, description, category, severity, status,
  dept_id, case when h_assign is not null then agent_id end, amount, case when amount is not null then 'CNY' end,
  case when vip then array['vip'] else array[]::text[] end, case when cyc2 then 2 else 1 end, started, paused_at, paused_ms,
  fr_due, fr_risk, res_due, res_risk, urgent_at, next_check_at, breached,
  h_fr, case when cyc2 then h_res2 else h_res end, h_close, t0, updated_at
from bench_plan order by g`;

export const INSERT_ALERTS = `
insert into sla_alerts (complaint_id, clock, kind, cycle, at)
select id, clock, kind, cycle, at from (
  select id, 'first_response' as clock, 'at_risk' as kind, 1 as cycle, a_fr_risk as at from bench_plan where a_fr_risk is not null
  union all select id, 'first_response', 'breached', 1, a_fr_due from bench_plan where a_fr_due is not null
  union all select id, 'resolution', 'at_risk', 1, a_res_risk from bench_plan where a_res_risk is not null
  union all select id, 'resolution', 'breached', 1, a_res_due from bench_plan where a_res_due is not null
  union all select id, 'resolution', 'at_risk', 2, a_res2_risk from bench_plan where a_res2_risk is not null
  union all select id, 'resolution', 'breached', 2, a_res2_due from bench_plan where a_res2_due is not null
) a`;

export const INSERT_MESSAGES = `
insert into messages (id, complaint_id, kind, channel, author_kind, author_id, body, created_at)
select mid, id, kind, ch, author_kind, author_id, body, at from (
  select m_fr as mid, id, 'public_reply' as kind, reply_channel as ch, 'user' as author_kind, agent_id as author_id, reply_body as body, h_fr as at
    from bench_plan where h_fr is not null
  union all select m_ask, id, 'public_reply', reply_channel, 'user', agent_id, ask_body, h_ask from bench_plan where h_ask is not null
  union all select m_cust, id, 'customer', channel, 'customer', customer_id, cust_body, h_resume from bench_plan where h_resume is not null
  union all select m_note, id, 'internal_note', 'web', 'user', staff_id, note_body, h_note from bench_plan where h_note is not null
  union all select m_ri, id, 'public_reply', reply_channel, 'user', agent_id, ri_body, h_ri from bench_plan where h_ri is not null
) m order by at`;

const AGENT = `'user', agent_id::text, 'agent'`;
const STAFF = `'user', staff_id::text, 'department_staff'`;
const CUSTOMER = `'customer', customer_id::text, 'customer'`;
const SYSTEM = `'system', null::text, 'system'`;

function status(at: string, ord: number, from: string, to: string, lane: string, actor: string, reason: string, where = `${at} is not null`): string {
  return `select g, id, ${ord}, ${at}, 'complaint.status_changed', '${lane}', ${actor},
    jsonb_build_object('from', ${from}, 'to', '${to}', 'reason', ${reason}) from bench_plan where ${where}`;
}

function alert(at: string, ord: number, cycle: number, clock: string, kind: 'at_risk' | 'breached', due: string, start: string): string {
  const data = kind === 'at_risk'
    ? `jsonb_build_object('cycle', ${cycle}, 'clock', '${clock}', 'dueAt', ${iso(due)},
        'elapsedRatio', round((extract(epoch from ${at} - ${start}) / greatest(0.001, extract(epoch from ${due} - ${start})))::numeric, 3))`
    : `jsonb_build_object('cycle', ${cycle}, 'clock', '${clock}', 'dueAt', ${iso(due)})`;
  return `select g, id, ${ord}, ${at}, 'sla.${kind}', 'support', ${SYSTEM}, ${data} from bench_plan where ${at} is not null`;
}

/** The due a resolution alert of cycle 1 named: shifted by the pause when it fell after it. */
const RES_DUE1_AT = (at: string, risk: string) => `case when ${at} = ${risk} then res_due1 else res_due1 + ${ms('d_ms')} end`;

export const INSERT_EVENTS = `
insert into complaint_events (complaint_id, type, lane, actor_kind, actor_id, actor_role, at, data)
select e.id, e.type, e.lane, e.actor_kind, e.actor_id, e.actor_role, e.at, e.data
from (
  select g, id, 1 as ord, t0 as at, 'complaint.created' as type, 'customer' as lane,
    case when channel in ('web', 'chat', 'social', 'webhook') then 'customer' else 'user' end as actor_kind,
    case when channel in ('web', 'chat', 'social', 'webhook') then customer_id::text else agent_id::text end as actor_id,
    case when channel in ('web', 'chat', 'social', 'webhook') then 'customer' else 'agent' end as actor_role,
    jsonb_build_object('number', number, 'channel', channel, 'subject', subject, 'customerId', customer_id,
      'orderId', order_id, 'amountClaimed', amount) as data
    from bench_plan
  union all select g, id, 2, t0, 'complaint.classified', 'support', ${SYSTEM},
    jsonb_build_object('category', category, 'severity', severity, 'source', 'request') from bench_plan
  union all select g, id, 3, t0, 'complaint.routed', 'support', ${SYSTEM},
    jsonb_build_object('department', dept_code, 'reason', 'default department for ' || category) from bench_plan
  union all select g, id, 4, t0, 'sla.started', 'support', ${SYSTEM},
    jsonb_build_object('cycle', 1, 'severity', severity, 'firstResponseDueAt', fr_due1_iso, 'resolutionDueAt', res_due1_iso) from bench_plan
  union all select g, id, 10, h_assign, 'complaint.assigned', 'frontstage', ${AGENT},
    jsonb_build_object('from', null::text, 'to', agent_id) from bench_plan where h_assign is not null
  union all ${alert('a_fr_risk', 20, 1, 'first_response', 'at_risk', 'fr_due1', 't0')}
  union all ${alert('a_fr_due', 21, 1, 'first_response', 'breached', 'fr_due1', 't0')}
  union all ${alert('a_res_risk', 22, 1, 'resolution', 'at_risk', RES_DUE1_AT('a_res_risk', 'res_risk1'), 't0')}
  union all ${alert('a_res_due', 23, 1, 'resolution', 'breached', RES_DUE1_AT('a_res_due', 'res_due1'), 't0')}
  union all ${alert('a_res2_risk', 24, 2, 'resolution', 'at_risk', 'res_due2', 'h_reopen')}
  union all ${alert('a_res2_due', 25, 2, 'resolution', 'breached', 'res_due2', 'h_reopen')}
  union all select g, id, 30, h_fr, 'message.public_reply', 'frontstage', ${AGENT},
    jsonb_build_object('messageId', m_fr, 'channel', reply_channel, 'length', char_length(reply_body), 'firstResponse', true)
    from bench_plan where h_fr is not null
  union all select g, id, 31, h_fr, 'sla.first_response_met', 'support', ${SYSTEM},
    jsonb_build_object('cycle', 1, 'dueAt', fr_due1_iso, 'withinSla', h_fr <= fr_due1) from bench_plan where h_fr is not null
  union all ${status('h_fr', 32, "'new'", 'in_progress', 'frontstage', AGENT, "'first reply'")}
  union all ${status('h_dept', 40, "'in_progress'", 'awaiting_department', 'frontstage', AGENT, "'handed to ' || dept_code")}
  union all select g, id, 41, h_note, 'message.internal_note', 'backstage', ${STAFF},
    jsonb_build_object('messageId', m_note, 'length', char_length(note_body)) from bench_plan where h_note is not null
  union all ${status('h_back', 42, "'awaiting_department'", 'in_progress', 'backstage', STAFF, "'department answered'")}
  union all select g, id, 50, h_ask, 'message.public_reply', 'frontstage', ${AGENT},
    jsonb_build_object('messageId', m_ask, 'channel', reply_channel, 'length', char_length(ask_body), 'firstResponse', false)
    from bench_plan where h_ask is not null
  union all select g, id, 51, h_pause, 'sla.paused', 'support', ${SYSTEM},
    jsonb_build_object('cycle', 1, 'reason', 'awaiting customer') from bench_plan where h_pause is not null and pause_ok
  union all ${status('h_pause', 52, "'in_progress'", 'awaiting_customer', 'frontstage', AGENT, "'asked the customer for details'")}
  union all select g, id, 60, h_resume, 'message.customer', 'customer', ${CUSTOMER},
    jsonb_build_object('messageId', m_cust, 'channel', channel, 'length', char_length(cust_body)) from bench_plan where h_resume is not null
  union all select g, id, 61, h_resume, 'sla.resumed', 'support', ${SYSTEM},
    jsonb_build_object('cycle', 1, 'pausedMs', d_ms::bigint, 'firstResponseDueAt', ${iso(`fr_due1 + ${ms('d_ms')}`)},
      'resolutionDueAt', ${iso(`res_due1 + ${ms('d_ms')}`)}) from bench_plan where h_resume is not null and pause_ok
  union all ${status('h_resume', 62, "'awaiting_customer'", 'in_progress', 'customer', CUSTOMER, "'customer replied'")}
  union all ${status('h_res', 70, "case when path = 'quick' then 'new' else 'in_progress' end", 'resolved', 'frontstage', AGENT, 'null::text')}
  union all select g, id, 80, h_reopen, 'sla.started', 'support', ${SYSTEM},
    jsonb_build_object('cycle', 2, 'severity', severity, 'firstResponseDueAt', ${iso('fr_due2')}, 'resolutionDueAt', ${iso('res_due2')})
    from bench_plan where h_reopen is not null
  union all ${status('h_reopen', 81, "'resolved'", 'reopened', 'customer', CUSTOMER, "'not satisfied with the answer'")}
  union all ${status('h_ri', 85, "'reopened'", 'in_progress', 'frontstage', AGENT, 'null::text')}
  union all select g, id, 86, h_ri, 'message.public_reply', 'frontstage', ${AGENT},
    jsonb_build_object('messageId', m_ri, 'channel', reply_channel, 'length', char_length(ri_body), 'firstResponse', false)
    from bench_plan where h_ri is not null
  union all ${status('h_res2', 90, "'in_progress'", 'resolved', 'frontstage', AGENT, 'null::text')}
  union all ${status('h_close', 95, "'resolved'", 'closed', 'customer', CUSTOMER, "'customer confirmed'")}
  union all ${status('h_cancel', 97, "'new'", 'cancelled', 'frontstage', AGENT, "'duplicate of an earlier complaint'")}
) e (g, id, ord, at, type, lane, actor_kind, actor_id, actor_role, data)
order by e.at, e.g, e.ord`;
