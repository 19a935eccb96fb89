-- Repeat complaints get a supervisor follow-up; near-duplicates from one customer are suggested for merging.
create table follow_ups (
  id uuid primary key default gen_random_uuid(),
  complaint_id uuid not null references complaints(id),
  kind text not null check (kind in ('repeat')),
  assigned_role text not null default 'supervisor',
  status text not null default 'open' check (status in ('open','done')),
  note text,
  due_at timestamptz not null,
  created_at timestamptz not null,
  done_at timestamptz,
  done_by uuid references users(id),
  unique (complaint_id, kind)
);
create index follow_ups_open_idx on follow_ups (due_at) where status = 'open';

create table duplicate_suggestions (
  complaint_id uuid not null references complaints(id),
  candidate_id uuid not null references complaints(id),
  similarity real not null,
  status text not null default 'open' check (status in ('open','merged','dismissed')),
  created_at timestamptz not null,
  primary key (complaint_id, candidate_id)
);

create index complaints_repeat_lookup_idx on complaints (customer_id, category, created_at desc);
create index complaints_order_idx on complaints (order_id, created_at desc) where order_id is not null;
