-- Loopdesk foundation schema. Forward-only: never edit a migration that has shipped; add a new one.
create extension if not exists pg_trgm;

create table departments (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  name_zh text,
  -- seed 001: forward within 10 min of the decision, department answers within 2 h
  handoff_forward_minutes int not null default 10 check (handoff_forward_minutes > 0),
  handoff_answer_minutes int not null default 120 check (handoff_answer_minutes > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  name text not null,
  role text not null check (role in ('admin','supervisor','agent','department_staff','analyst')),
  department_id uuid references departments(id),
  password_hash text,
  locale text not null default 'zh-CN',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

create table customers (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  email text,
  phone text,
  locale text not null default 'zh-CN',
  tier text not null default 'normal' check (tier in ('normal','vip')),
  external_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index customers_email_key on customers (lower(email)) where email is not null;
create unique index customers_external_id_key on customers (external_id) where external_id is not null;
create index customers_phone_idx on customers (phone) where phone is not null;
create index customers_name_trgm on customers using gin (name gin_trgm_ops);

create table orders (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  customer_id uuid not null references customers(id),
  items jsonb not null default '[]',
  amount numeric(14,2) not null default 0,
  currency text not null default 'CNY',
  status text not null default 'placed' check (status in ('placed','paid','shipped','delivered','cancelled','returned')),
  placed_at timestamptz not null default now(),
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index orders_customer_idx on orders (customer_id, placed_at desc);

create table sla_policies (
  severity text primary key check (severity in ('general','serious','urgent')),
  first_response_minutes int not null check (first_response_minutes > 0),
  resolution_minutes int not null check (resolution_minutes > 0),
  pause_while_awaiting_customer boolean not null default true,
  calendar jsonb not null default '{"mode":"24x7"}',
  updated_at timestamptz not null default now()
);
insert into sla_policies (severity, first_response_minutes, resolution_minutes) values
  ('general', 30, 1440), ('serious', 60, 2880), ('urgent', 10, 120);

create sequence complaint_number_seq;

create table complaints (
  id uuid primary key,
  number text not null unique,
  customer_id uuid not null references customers(id),
  order_id uuid references orders(id),
  channel text not null,
  subject text not null,
  description text not null,
  category text not null,
  severity text not null,
  status text not null,
  department_id uuid references departments(id),
  assignee_id uuid references users(id),
  amount_claimed numeric(14,2),
  currency text,
  tags text[] not null default '{}',
  repeat_of_id uuid references complaints(id),
  merged_into_id uuid references complaints(id),
  -- SLA clock state (see src/modules/sla): due = calendar.add(started, target + paused)
  sla_cycle int not null default 1,
  sla_started_at timestamptz not null,
  sla_paused_at timestamptz,
  sla_paused_ms bigint not null default 0,
  first_response_due_at timestamptz not null,
  first_response_at_risk_at timestamptz not null,
  resolution_due_at timestamptz not null,
  resolution_at_risk_at timestamptz not null,
  -- nearest due of a running clock; null when no clock runs (paused, resolved, closed)
  sla_urgent_at timestamptz,
  -- when the scheduler must next look at this complaint; null when nothing is pending
  sla_next_check_at timestamptz,
  sla_breached boolean not null default false,
  first_response_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  search_text text generated always as (number || ' ' || subject || ' ' || description) stored
);
create index complaints_queue_idx on complaints (department_id, sla_urgent_at, id) where sla_urgent_at is not null;
create index complaints_urgency_idx on complaints (sla_urgent_at, id) where sla_urgent_at is not null;
create index complaints_created_idx on complaints (created_at desc, id desc);
create index complaints_status_created_idx on complaints (status, created_at desc, id desc);
create index complaints_customer_idx on complaints (customer_id, created_at desc);
create index complaints_assignee_idx on complaints (assignee_id, created_at desc) where assignee_id is not null;
create index complaints_next_check_idx on complaints (sla_next_check_at) where sla_next_check_at is not null;
create index complaints_search_trgm on complaints using gin (search_text gin_trgm_ops);

create table messages (
  id uuid primary key default gen_random_uuid(),
  complaint_id uuid not null references complaints(id),
  kind text not null check (kind in ('customer','public_reply','internal_note')),
  channel text not null,
  author_kind text not null check (author_kind in ('customer','user','system')),
  author_id uuid,
  body text not null,
  attachments jsonb not null default '[]',
  created_at timestamptz not null
);
create index messages_complaint_idx on messages (complaint_id, created_at, id);

create table complaint_events (
  id bigint generated always as identity primary key,
  complaint_id uuid not null references complaints(id),
  type text not null,
  lane text not null check (lane in ('evidence','customer','frontstage','backstage','support')),
  actor_kind text not null check (actor_kind in ('customer','user','system','bot')),
  actor_id text,
  actor_role text,
  at timestamptz not null,
  data jsonb not null default '{}'
);
create index complaint_events_complaint_idx on complaint_events (complaint_id, at, id);
create index complaint_events_type_at_idx on complaint_events (type, at);

-- The event log is append-only: history is never rewritten, by the app or by hand.
create function complaint_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'complaint_events is append-only';
end $$;
create trigger complaint_events_no_update before update or delete on complaint_events
  for each row execute function complaint_events_append_only();

-- Exactly-once SLA alerts: one row per (complaint, clock, kind, cycle), whoever gets there first.
create table sla_alerts (
  complaint_id uuid not null references complaints(id),
  clock text not null check (clock in ('first_response','resolution')),
  kind text not null check (kind in ('at_risk','breached')),
  cycle int not null,
  at timestamptz not null,
  primary key (complaint_id, clock, kind, cycle)
);

create table idempotency_keys (
  principal text not null,
  key text not null,
  request_hash text not null,
  complaint_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (principal, key)
);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  kind text not null check (kind in ('session','api')),
  name text,
  user_id uuid references users(id),
  customer_id uuid references customers(id),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz,
  created_at timestamptz not null default now(),
  check ((user_id is null) <> (customer_id is null))
);

create table login_attempts (
  id bigint generated always as identity primary key,
  email text not null,
  ip text not null,
  succeeded boolean not null,
  at timestamptz not null default now()
);
create index login_attempts_email_idx on login_attempts (lower(email), at);
create index login_attempts_ip_idx on login_attempts (ip, at);
