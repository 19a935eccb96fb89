-- Authority limits, settlements (refund / compensation / voucher) and their approvals.
-- Forward-only, like every migration.

-- How much a role may settle without approval, per currency. currency '*' is the role's
-- limit for every currency without a row of its own; max_amount null means unlimited.
-- A role with no applicable row may settle nothing on its own (deny by default).
create table authority_limits (
  role text not null check (role in ('admin','supervisor','agent','department_staff','analyst')),
  currency text not null check (currency = '*' or currency ~ '^[A-Z]{3}$'),
  max_amount numeric(14,2) check (max_amount is null or max_amount >= 0),
  updated_at timestamptz not null default now(),
  primary key (role, currency)
);
insert into authority_limits (role, currency, max_amount) values
  ('agent', '*', 200), ('supervisor', '*', 5000), ('admin', '*', null),
  ('department_staff', '*', 0), ('analyst', '*', 0);

-- One row: how long supervisors have to answer an approval request.
create table approval_settings (
  id boolean primary key default true check (id),
  deadline_minutes int not null default 120 check (deadline_minutes between 1 and 43200),
  updated_at timestamptz not null default now()
);
insert into approval_settings default values;

create table settlements (
  id uuid primary key,
  -- insertion order, for a stable timeline when two settlements share a timestamp
  seq bigint generated always as identity,
  complaint_id uuid not null references complaints(id),
  kind text not null check (kind in ('refund','compensation','voucher')),
  amount numeric(14,2) not null check (amount > 0 and amount <= 1000000000),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  reason text not null,
  status text not null check (status in ('pending_approval','granted','rejected')),
  requested_by uuid not null references users(id),
  requested_role text not null,
  idempotency_key text,
  request_hash text,
  created_at timestamptz not null,
  granted_at timestamptz,
  granted_by uuid references users(id),
  check ((status = 'granted') = (granted_at is not null)),
  check ((idempotency_key is null) = (request_hash is null))
);
-- A retried request with the same key finds the first settlement instead of writing a second.
create unique index settlements_idempotency_key on settlements (requested_by, idempotency_key) where idempotency_key is not null;
create index settlements_complaint_idx on settlements (complaint_id, created_at, seq);

-- Nothing is paid twice: a settlement leaves pending_approval once, and granted / rejected are final.
create function settlements_state_machine() returns trigger language plpgsql as $$
begin
  if new.amount <> old.amount or new.currency <> old.currency or new.kind <> old.kind or new.complaint_id <> old.complaint_id then
    raise exception 'a settlement''s amount, currency, kind and complaint never change';
  end if;
  if new.status <> old.status and old.status <> 'pending_approval' then
    raise exception 'settlement % is already %', old.id, old.status;
  end if;
  return new;
end $$;
create trigger settlements_state_machine before update on settlements
  for each row execute function settlements_state_machine();

create table approvals (
  id uuid primary key,
  settlement_id uuid not null unique references settlements(id),
  complaint_id uuid not null references complaints(id),
  requested_by uuid not null references users(id),
  assigned_role text not null default 'supervisor',
  status text not null default 'pending' check (status in ('pending','approved','rejected')),
  due_at timestamptz not null,
  -- when approval.overdue was recorded (the event itself is stamped due_at); set once, by
  -- whoever gets there first: the sweep or a decision that comes after the deadline
  overdue_recorded_at timestamptz,
  decided_by uuid references users(id),
  decided_at timestamptz,
  decision_reason text,
  created_at timestamptz not null,
  check ((status = 'pending') = (decided_at is null))
);
create index approvals_queue_idx on approvals (status, due_at, id);
create index approvals_overdue_idx on approvals (due_at) where status = 'pending' and overdue_recorded_at is null;
create index approvals_complaint_idx on approvals (complaint_id);
