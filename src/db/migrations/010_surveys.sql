-- Satisfaction surveys after resolution, their settings, and cancelled approvals.

-- One row: how surveys are timed (admin-editable through /api/v1/admin/survey-settings).
create table survey_settings (
  id boolean primary key default true check (id),
  enabled boolean not null default true,
  -- the survey goes out this long after resolution (seed: 24 h)
  delay_hours int not null default 24 check (delay_hours between 0 and 720),
  -- one reminder this long after the survey was sent (skipped when the window ends first)
  reminder_after_hours int not null default 48 check (reminder_after_hours between 1 and 720),
  -- answers and customer reopen are accepted this long after resolution
  window_days int not null default 7 check (window_days between 1 and 90),
  -- a CSAT at or below this reopens the complaint as a recovery case
  csat_reopen_threshold int not null default 2 check (csat_reopen_threshold between 0 and 5),
  -- close a still-resolved complaint when the window ends without an answer
  auto_close boolean not null default true,
  updated_at timestamptz not null default now(),
  check (delay_hours < window_days * 24)
);
insert into survey_settings default values;

-- One survey per complaint and resolution cycle (a complaint resolved twice is asked twice).
create table surveys (
  id uuid primary key,
  complaint_id uuid not null references complaints(id),
  cycle int not null,
  status text not null default 'scheduled'
    check (status in ('scheduled','sent','reminded','answered','expired','cancelled')),
  channel text not null check (channel in ('email','sms','in_app')),
  resolved_at timestamptz not null,
  send_at timestamptz not null,
  sent_at timestamptz,
  reminder_at timestamptz,
  reminded_at timestamptz,
  expires_at timestamptz not null,
  answered_at timestamptz,
  csat int check (csat between 1 and 5),
  nps int check (nps between 0 and 10),
  comment text,
  -- the complaint was reopened after this survey reached the customer (by the answer or otherwise)
  reopened_at timestamptz,
  cancelled_at timestamptz,
  -- who resolved it and where, at resolution time (reports must not move when the case is reassigned)
  agent_id uuid references users(id),
  department_id uuid references departments(id),
  category text not null,
  created_at timestamptz not null,
  unique (complaint_id, cycle),
  check ((status = 'answered') = (answered_at is not null)),
  check ((status = 'answered') = (csat is not null))
);
-- what the sweep looks for: the next due moment of each live survey
create index surveys_send_idx on surveys (send_at) where status = 'scheduled';
create index surveys_reminder_idx on surveys (reminder_at) where status = 'sent' and reminder_at is not null;
create index surveys_expiry_idx on surveys (expires_at) where status in ('scheduled','sent','reminded');
create index surveys_resolved_idx on surveys (resolved_at);

-- A pending approval ends with its complaint: closed or cancelled complaints pay nothing more.
alter table approvals drop constraint approvals_status_check;
alter table approvals add constraint approvals_status_check check (status in ('pending','approved','rejected','cancelled'));
alter table settlements drop constraint settlements_status_check;
alter table settlements add constraint settlements_status_check check (status in ('pending_approval','granted','rejected','cancelled'));
