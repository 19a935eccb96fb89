-- The agent workspace: reply macros (shared or personal) and saved queue views.
create table macros (
  id uuid primary key default gen_random_uuid(),
  -- null: shared with every agent (created by a supervisor or admin)
  owner_id uuid references users(id),
  name text not null,
  locale text not null default 'zh-CN',
  body text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index macros_owner_idx on macros (owner_id, name);

create table saved_views (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references users(id),
  name text not null,
  -- the complaint-list filters (listComplaintsQuery without sort/limit/cursor), validated on save
  filters jsonb not null,
  sort text not null default 'urgency',
  shared boolean not null default false,
  created_at timestamptz not null
);
create unique index saved_views_owner_name_key on saved_views (owner_id, lower(name));

-- Mentions in internal notes notify the people named; kept to show who was asked.
alter table messages add column mentions uuid[] not null default '{}';
