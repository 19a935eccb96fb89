-- Escalation: in-app notifications for staff and the level a complaint has been escalated to.
alter table complaints add column escalation_level int not null default 0;

create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  complaint_id uuid references complaints(id),
  kind text not null,
  title text not null,
  body text not null default '',
  created_at timestamptz not null,
  read_at timestamptz
);
create index notifications_user_idx on notifications (user_id, created_at desc);
create index notifications_unread_idx on notifications (user_id) where read_at is null;

-- One escalation per complaint, cycle and level, whoever gets there first.
create table escalations (
  complaint_id uuid not null references complaints(id),
  cycle int not null,
  level int not null check (level between 1 and 9),
  at timestamptz not null,
  primary key (complaint_id, cycle, level)
);

-- Per tier: does a first breach also reassign the complaint to a supervisor?
alter table sla_policies add column reassign_on_breach boolean not null default false;
