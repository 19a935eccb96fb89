-- Department hand-offs (backstage): a complaint handed to a department as a task with its own
-- deadlines. The front-line owner keeps the complaint; the task carries the department.

-- Set once a complaint has been passed between departments more than twice.
alter table complaints add column handoff_ping_pong boolean not null default false;

create table handoffs (
  id uuid primary key default gen_random_uuid(),
  complaint_id uuid not null references complaints(id),
  department_id uuid not null references departments(id),
  status text not null default 'open' check (status in ('open','acknowledged','answered','cancelled')),
  note text not null,
  -- nth hand-off of the complaint, and how many department changes it makes (cancelled ones excluded)
  sequence int not null,
  transfers int not null,
  requested_by uuid references users(id),
  requested_at timestamptz not null,
  -- seed 001: forwarded (picked up) within the department's forward minutes, answered within its answer minutes
  forward_due_at timestamptz not null,
  answer_due_at timestamptz not null,
  -- nearest deadline still pending (queue order); null once answered or cancelled
  due_at timestamptz,
  -- when the sweep must next look at this task; null when no deadline is pending
  next_check_at timestamptz,
  acknowledged_at timestamptz,
  acknowledged_by uuid references users(id),
  answered_at timestamptz,
  answered_by uuid references users(id),
  answer text,
  outcome text,
  answer_message_id uuid references messages(id),
  cancelled_at timestamptz,
  cancelled_by uuid references users(id),
  cancel_reason text,
  updated_at timestamptz not null,
  unique (complaint_id, sequence)
);
create index handoffs_queue_idx on handoffs (department_id, due_at, id);
create index handoffs_due_idx on handoffs (due_at, id);
create index handoffs_complaint_idx on handoffs (complaint_id, status);
create index handoffs_visibility_idx on handoffs (department_id, complaint_id) where status in ('open','acknowledged','answered');
create index handoffs_next_check_idx on handoffs (next_check_at) where next_check_at is not null;

-- Exactly-once overdue events: one row per (task, deadline), whoever gets there first writes the event.
create table handoff_alerts (
  handoff_id uuid not null references handoffs(id),
  kind text not null check (kind in ('forward_overdue','answer_overdue')),
  at timestamptz not null,
  primary key (handoff_id, kind)
);
