-- Routing rules (issue 3 item 3): admin-edited, ordered rule sets kept as immutable versions.
-- Exactly one version is active at a time; rolling back is activating an older version.
create table routing_rule_sets (
  id uuid primary key default gen_random_uuid(),
  version int not null unique check (version > 0),
  status text not null default 'draft' check (status in ('draft','active','retired')),
  rules jsonb not null,
  note text,
  created_by uuid references users(id),
  created_at timestamptz not null,
  activated_at timestamptz,
  activated_by uuid references users(id)
);
-- At most one active version (the app keeps it at exactly one: activation swaps in one transaction).
create unique index routing_rule_sets_one_active on routing_rule_sets ((true)) where status = 'active';

-- A version is immutable: only its status and activation stamp ever change.
create function routing_rule_sets_immutable() returns trigger language plpgsql as $$
begin
  if new.rules <> old.rules or new.version <> old.version or new.created_at <> old.created_at
     or new.created_by is distinct from old.created_by or new.note is distinct from old.note then
    raise exception 'routing rule set % is immutable; create a new version', old.version;
  end if;
  return new;
end $$;
create trigger routing_rule_sets_immutable before update on routing_rule_sets
  for each row execute function routing_rule_sets_immutable();
create function routing_rule_sets_keep() returns trigger language plpgsql as $$
begin
  raise exception 'routing rule sets are kept for the audit trail';
end $$;
create trigger routing_rule_sets_no_delete before delete on routing_rule_sets
  for each row execute function routing_rule_sets_keep();

-- Round-robin position per assignment pool (rule + pool definition); n counts assignments made.
create table routing_cursors (
  pool_key text primary key,
  n bigint not null default 0,
  updated_at timestamptz not null
);

-- Assign-by-skill and teams. A merchant on the order (a seller code) for merchant conditions.
alter table users add column if not exists skills text[] not null default '{}';
alter table users add column if not exists team text;
alter table complaints add column if not exists team text;
alter table orders add column if not exists merchant text;
