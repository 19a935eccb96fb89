/**
 * The per-batch plan of the data generator: one row per complaint with its whole planned
 * history (every step's time), what has happened by `now`, and the SLA state that history
 * leaves behind — computed with the same rules as src/modules/sla (24×7 calendar):
 * due = cycle start + target + time paused; at-risk at 80 %; a threshold is recorded when
 * it passes while its clock runs (or is flushed when the clock stops); sla_urgent_at is the
 * nearest running due; sla_next_check_at the earliest threshold not yet recorded.
 *
 * Parameters: $1 first g, $2 last g, $3 total complaints, $4 now, $5 customers,
 * $6 run tag, $7 complaint number base (number = base + g).
 */
import { CATEGORIES, DEFAULT_DEPARTMENT, type Category } from '../src/modules/complaints/taxonomy.js';
import { OPEN_STATUSES } from '../src/modules/complaints/lifecycle.js';
import {
  ASK_EN, ASK_ZH, CLOSING_EN, CLOSING_ZH, CUSTOMER_EN, CUSTOMER_ZH, NOTE_EN, NOTE_ZH, PHRASES, REPLY_EN, REPLY_ZH,
} from './phrases.js';
import { iso, lit, ms, pick, textArray, uid } from './sql-text.js';

/** Share of complaints per category, cumulative thresholds on one random number. */
const CATEGORY_MIX: Array<[Category, number]> = [
  ['logistics', 0.22], ['product_quality', 0.4], ['refund', 0.58], ['billing', 0.7],
  ['service_attitude', 0.8], ['technical', 0.9], ['safety', 0.93], ['other', 1],
];
const CHANNEL_MIX: Array<[string, number]> = [
  ['web', 0.28], ['chat', 0.46], ['phone', 0.62], ['email', 0.74], ['social', 0.82], ['api', 0.88], ['webhook', 0.94], ['hall', 1],
];
/** Paths through the lifecycle: cancelled; resolved on first contact; worked normally; stuck open. */
const PATH_MIX: Array<[string, number]> = [['cancel', 0.03], ['quick', 0.65], ['standard', 0.985], ['stuck', 1]];

export const AGENTS = 40;
export const STAFF_PER_DEPARTMENT = 4;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function mix(list: Array<[string, number]>, r: string): string {
  return `case ${list.map(([v, p]) => `when ${r} < ${p} then ${lit(v)}`).join(' ')} end`;
}

function perCategory(f: (c: Category) => string): string {
  return `case category ${CATEGORIES.map((c) => `when ${lit(c)} then ${f(c)}`).join(' ')} end`;
}

const byLang = (zh: readonly string[], en: readonly string[], r: string) => `case when zh then ${pick(zh, r)} else ${pick(en, r)} end`;

const randoms = Array.from({ length: 20 }, (_, i) => `random() as x${i + 1}`).join(', ');
const h = (t: string) => `case when ${t} <= $4::timestamptz then ${t} end`;

export function planSql(): string {
  const subject = perCategory((c) => byLang(PHRASES[c].subjectZh, PHRASES[c].subjectEn, 'r_sub'));
  const detail1 = perCategory((c) => byLang(PHRASES[c].detailZh, PHRASES[c].detailEn, 'r_d1'));
  const detail2 = perCategory((c) => byLang(PHRASES[c].detailZh, PHRASES[c].detailEn, 'r_d2'));
  const deptCode = perCategory((c) => lit(DEFAULT_DEPARTMENT[c]));
  const open = textArray(OPEN_STATUSES);
  const hasFr = `(path = 'standard' or (path = 'stuck' and x13 < 0.66))`;
  const hasDept = `(${hasFr} and x4 < 0.25)`;
  const hasPause = `(path = 'standard' and x7 < 0.15)`;
  const hasReopen = `(path = 'standard' and x11 < 0.04)`;
  const at = (offset: string) => `t0 + (${offset}) * interval '1 millisecond'`;
  return `
create temp table bench_plan on commit drop as
-- A few materialised stages: inlined, later steps would repeat every earlier expression.
with r as materialized (
  select g, 1 + floor(power(random(), 1.5) * $5::int)::int as k,
    random() as r_cat, random() as r_sev, random() as r_chan, random() as r_path, random() as r_sub,
    random() as r_d1, random() as r_d2, random() as r_order, random() as r_amt, random() as r_amt2, ${randoms},
    date_trunc('milliseconds', $4::timestamptz - interval '365 days'
      + ((g - 1 + random()) / $3::float8) * (interval '365 days' - interval '1 minute')) as t0
  from generate_series($1::int, $2::int) g
), c as materialized (
  select r.*, ${mix(CATEGORY_MIX, 'r_cat')} as category, ${mix(CHANNEL_MIX, 'r_chan')} as channel,
    ${mix(PATH_MIX, 'r_path')} as path, (k % 5) < 3 as zh, (k % 33) = 0 as vip,
    case when r_order < 0.7 then k + $5::int * floor(x20 * 3)::int end as o,
    case when r_amt < 0.6 then round((10 + 4990 * power(r_amt2, 2))::numeric, 2) end as any_amount
  from r
), e as materialized (
  select c.*, case when category in ('refund', 'billing', 'product_quality') then any_amount end as amount,
    case
      when category = 'safety' and r_sev < 0.85 then 'urgent'
      when category = 'technical' and r_sev < 0.06 then 'urgent'
      when (category in ('refund', 'billing', 'product_quality') and coalesce(any_amount, 0) >= 1000) or vip then 'serious'
      when r_sev < 0.12 then 'serious'
      when r_sev < 0.14 then 'urgent'
      else 'general' end as severity,
    ${deptCode} as dept_code
  from c
), dl as materialized (
  -- the planned steps as delays in whole milliseconds (null: the step is not on this complaint's path)
  select g, k, t0, category, channel, path, zh, vip, o, amount, e.severity, dept_code, r_sub, r_d1, r_d2, x18, x19,
    p.first_response_minutes * 60000.0 as frm, p.resolution_minutes * 60000.0 as resm,
    p.pause_while_awaiting_customer as pause_ok, dp.id as dept_id,
    case when ${hasFr} then round(p.first_response_minutes * 60000.0 * (0.1 + 1.2 * power(x1, 3))) end as dl_fr,
    case when path = 'quick' then round(${2 * MIN} + power(x2, 2) * ${43 * MIN}) end as dl_qres,
    case when path = 'cancel' then round(${MIN} + x17 * ${6 * HOUR}) end as dl_cancel,
    case when ${hasDept} then round(${5 * MIN} + x5 * ${115 * MIN}) end as dl_dept,
    case when ${hasDept} and (path = 'standard' or x14 < 0.5) then round(${10 * MIN} + power(x6, 2) * ${4 * HOUR}) end as dl_back,
    case when ${hasPause} then round(${5 * MIN} + x8 * ${3 * HOUR}) end as dl_pause,
    case when ${hasPause} then round(${10 * MIN} + power(x9, 2) * ${2 * DAY}) end as dl_resume,
    case when path = 'standard' then round(p.resolution_minutes * 60000.0 * (0.05 + 0.9 * power(x10, 3))) end as dl_res,
    case when ${hasReopen} then round(${6 * HOUR} + x12 * ${42 * HOUR}) end as dl_reopen,
    case when ${hasReopen} then round(${10 * MIN} + x2 * ${50 * MIN}) end as dl_ri,
    case when ${hasReopen} then round(p.resolution_minutes * 60000.0 * (0.05 + 0.6 * x3)) end as dl_res2,
    case when x15 < 0.55 and path in ('quick', 'standard') then round(${DAY} + x16 * ${2 * DAY}) end as dl_close
  from e join sla_policies p on p.severity = e.severity left join departments dp on dp.code = e.dept_code
), o1 as materialized (
  -- offsets from t0: each step follows the one before it
  select dl.*, dl_fr as o_fr, dl_fr + dl_dept as o_dept, dl_fr + dl_dept + dl_back as o_back,
    coalesce(dl_fr + dl_dept + dl_back, dl_fr) + dl_pause as o_pause,
    coalesce(dl_fr + dl_dept + dl_back, dl_fr) + dl_pause + dl_resume as o_resume,
    round(dl_fr * 0.3) as o_assign, dl_fr + dl_dept + round(dl_back * 0.5) as o_note
  from dl
), o2 as materialized (
  select o1.*, case when path = 'quick' then dl_qres else coalesce(o_resume, o_back, o_fr) + dl_res end as o_res
  from o1
), tm as materialized (
  select o2.*, ${at('o_fr')} as t_fr, ${at('o_assign')} as t_assign, ${at('o_dept')} as t_dept, ${at('o_note')} as t_note,
    ${at('o_back')} as t_back, ${at('o_pause - 60000')} as t_ask, ${at('o_pause')} as t_pause, ${at('o_resume')} as t_resume,
    ${at('o_res')} as t_res, ${at('o_res + dl_reopen')} as t_reopen, ${at('o_res + dl_reopen + dl_ri')} as t_ri,
    ${at('o_res + dl_reopen + dl_ri + dl_res2')} as t_res2,
    ${at('coalesce(o_res + dl_reopen + dl_ri + dl_res2, o_res) + dl_close')} as t_close, ${at('dl_cancel')} as t_cancel,
    ${at('frm')} as fr_due1, ${at('round(frm * 0.8)')} as fr_risk1, ${at('resm')} as res_due1, ${at('round(resm * 0.8)')} as res_risk1
  from o2
), hp as materialized (
  -- what has happened by now
  select tm.*, ${h('t_fr')} as h_fr, ${h('t_assign')} as h_assign, ${h('t_dept')} as h_dept, ${h('t_note')} as h_note,
    ${h('t_back')} as h_back, ${h('t_ask')} as h_ask, ${h('t_pause')} as h_pause, ${h('t_resume')} as h_resume,
    ${h('t_res')} as h_res, ${h('t_reopen')} as h_reopen, ${h('t_ri')} as h_ri, ${h('t_res2')} as h_res2,
    ${h('t_close')} as h_close, ${h('t_cancel')} as h_cancel
  from tm
), st as materialized (
  select hp.*, case
      when h_cancel is not null then 'cancelled'
      when h_close is not null then 'closed'
      when h_res2 is not null then 'resolved'
      when h_ri is not null then 'in_progress'
      when h_reopen is not null then 'reopened'
      when h_res is not null then 'resolved'
      when h_resume is not null then 'in_progress'
      when h_pause is not null then 'awaiting_customer'
      when h_back is not null then 'in_progress'
      when h_dept is not null then 'awaiting_department'
      when h_fr is not null then 'in_progress'
      else 'new' end as status,
    case when pause_ok then h_pause end as p1,
    case when pause_ok and h_resume is not null then dl_resume end as d_ms,
    least(h_fr, h_res, h_cancel, $4::timestamptz) as e_fr,
    least(h_res, h_cancel, $4::timestamptz) as e_res1,
    least(h_res2, $4::timestamptz) as e_res2,
    h_reopen + ${ms('resm')} as res_due2, h_reopen + ${ms('resm * 0.8')} as res_risk2,
    h_reopen + ${ms('frm')} as fr_due2, h_reopen + ${ms('frm * 0.8')} as fr_risk2
  from hp
), al as materialized (
  -- SLA alerts recorded so far: (cycle 1) first response, resolution around the pause, (cycle 2) resolution;
  -- and the SLA columns as they stand now
  select st.*,
    case when fr_risk1 <= e_fr then fr_risk1 end as a_fr_risk,
    case when fr_due1 <= e_fr then fr_due1 end as a_fr_due,
    case when res_risk1 <= least(e_res1, p1) then res_risk1
         when d_ms is not null and res_risk1 + ${ms('d_ms')} <= e_res1 then res_risk1 + ${ms('d_ms')} end as a_res_risk,
    case when res_due1 <= least(e_res1, p1) then res_due1
         when d_ms is not null and res_due1 + ${ms('d_ms')} <= e_res1 then res_due1 + ${ms('d_ms')} end as a_res_due,
    case when res_risk2 <= e_res2 then res_risk2 end as a_res2_risk,
    case when res_due2 <= e_res2 then res_due2 end as a_res2_due,
    h_reopen is not null as cyc2,
    coalesce(h_reopen, t0) as started,
    case when h_reopen is null then coalesce(d_ms, 0) else 0 end::bigint as paused_ms,
    case when h_reopen is null and p1 is not null and h_resume is null then p1 end as paused_at,
    status = any(${open}) and not (h_reopen is null and p1 is not null and h_resume is null) as running
  from st
), dues as materialized (
  select al.*,
    started + ${ms('frm + paused_ms')} as fr_due, started + ${ms('frm * 0.8 + paused_ms')} as fr_risk,
    started + ${ms('resm + paused_ms')} as res_due, started + ${ms('resm * 0.8 + paused_ms')} as res_risk,
    case when cyc2 then a_res2_risk else a_res_risk end as a_cur_res_risk,
    case when cyc2 then a_res2_due else a_res_due end as a_cur_res_due
  from al
)
select dues.*,
  ${uid(`$6 || 'c' || g`)} as id,
  ${uid(`$6 || 'k' || k`)} as customer_id,
  case when o is not null then ${uid(`$6 || 'o' || o`)} end as order_id,
  ${uid(`$6 || 'a' || (1 + g % ${AGENTS})`)} as agent_id,
  ${uid(`$6 || 's' || dept_code || ':' || (g % ${STAFF_PER_DEPARTMENT})`)} as staff_id,
  ${uid(`$6 || 'm1:' || g`)} as m_fr, ${uid(`$6 || 'm2:' || g`)} as m_ask, ${uid(`$6 || 'm3:' || g`)} as m_cust,
  ${uid(`$6 || 'm4:' || g`)} as m_note, ${uid(`$6 || 'm5:' || g`)} as m_ri,
  'C-' || to_char(t0 at time zone 'UTC', 'YYYY') || '-' ||
    case when $7::bigint + g < 1000000 then lpad(($7::bigint + g)::text, 6, '0') else ($7::bigint + g)::text end as number,
  ${subject} as subject,
  ${detail1} || case when zh then '' else ' ' end || ${detail2}
    || case when o is null then '' when zh then '订单号：SO' || $6 || '-' || lpad(o::text, 8, '0') || '。' else ' Order SO' || $6 || '-' || lpad(o::text, 8, '0') || '.' end
    || case when amount is null then '' when zh then '涉及金额' || amount || '元。' else ' Amount: ' || amount || ' CNY.' end
    || case when zh then '' else ' ' end || ${byLang(CLOSING_ZH, CLOSING_EN, 'x19')} as description,
  ${byLang(REPLY_ZH, REPLY_EN, 'x18')} as reply_body,
  ${byLang(ASK_ZH, ASK_EN, 'x18')} as ask_body,
  ${byLang(CUSTOMER_ZH, CUSTOMER_EN, 'x18')} as cust_body,
  ${byLang(NOTE_ZH, NOTE_EN, 'x18')} as note_body,
  ${byLang(REPLY_ZH, REPLY_EN, 'x19')} as ri_body,
  case when channel in ('email', 'chat', 'phone') then channel else 'web' end as reply_channel,
  case when running then least(case when h_fr is null then fr_due end, res_due) end as urgent_at,
  case when running then least(
    case when h_fr is null and a_fr_risk is null then fr_risk end,
    case when h_fr is null and a_fr_due is null then fr_due end,
    case when a_cur_res_risk is null then res_risk end,
    case when a_cur_res_due is null then res_due end) end as next_check_at,
  case when cyc2 then a_res2_due is not null else a_fr_due is not null or a_res_due is not null end as breached,
  greatest(t0, h_assign, h_fr, h_dept, h_note, h_back, h_ask, h_pause, h_resume, h_res, h_reopen, h_ri, h_res2, h_close, h_cancel) as updated_at,
  ${iso('fr_due1')} as fr_due1_iso, ${iso('res_due1')} as res_due1_iso
from dues`;
}
