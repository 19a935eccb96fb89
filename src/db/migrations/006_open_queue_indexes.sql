-- The agent queue and filtered searches ask for open complaints (paused ones included), which the
-- sla_urgent_at partial index cannot serve. Measured at 1M complaints on PostgreSQL: queue
-- 179 ms → 2.8 ms, a two-character Chinese search 765 ms → 25 ms (bench/README.md).
-- The status list must equal OPEN_STATUSES in src/modules/complaints/lifecycle.ts (a test checks).
create index complaints_open_queue_idx on complaints (department_id, sla_urgent_at, id)
  where status in ('new','in_progress','awaiting_department','awaiting_customer','reopened');
create index complaints_open_created_idx on complaints (created_at desc, id desc)
  where status in ('new','in_progress','awaiting_department','awaiting_customer','reopened');
-- Word frequencies in complaint text are skewed; better estimates keep the planner off bad plans.
alter table complaints alter column search_text set statistics 1000;
