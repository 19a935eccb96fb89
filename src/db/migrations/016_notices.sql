-- Progress notices to customers: an outbox delivered by a durable sweep (src/modules/notify).
create table notices (
  id uuid primary key,
  -- event id + notice kind + channel: the same event never yields the same notice twice,
  -- however often it is processed and across restarts ("on conflict do nothing").
  idempotency_key text not null unique,
  complaint_id uuid not null references complaints(id),
  customer_id uuid not null references customers(id),
  event_id bigint,
  kind text not null,
  channel text not null check (channel in ('email','sms','in_app')),
  locale text not null,
  -- email address or phone number; null for in-app notices
  recipient text,
  urgent boolean not null default false,
  -- what the template needs besides links (customer name, number, promise, department…)
  vars jsonb not null default '{}',
  -- rendered at the first delivery attempt and kept, so a retry sends the same words
  subject text,
  body text,
  status text not null default 'queued' check (status in ('queued','sending','sent','failed','dead')),
  attempts int not null default 0,
  -- due time; while 'sending' it is the lease expiry after which a crashed sender's claim is retried
  next_attempt_at timestamptz not null,
  lease_owner text,
  last_error text,
  -- the Message-ID of an email (deterministic from the notice id) or the SMS provider's id
  message_id text,
  created_at timestamptz not null,
  sent_at timestamptz,
  read_at timestamptz
);
create index notices_due_idx on notices (next_attempt_at) where status in ('queued','sending','failed');
create index notices_complaint_idx on notices (complaint_id, created_at, id);
create index notices_in_app_idx on notices (customer_id, created_at desc, id desc) where channel = 'in_app' and status = 'sent';

-- Staff-edited wording; kinds/locales without a row use the built-in templates.
create table notice_templates (
  kind text not null,
  locale text not null check (locale in ('zh-CN','en')),
  subject text not null,
  body text not null,
  sms text not null,
  updated_by uuid references users(id),
  updated_at timestamptz not null,
  primary key (kind, locale)
);

-- How a customer wants to hear from us. No row: derived from the complaint's channel and contacts.
create table customer_notice_preferences (
  customer_id uuid primary key references customers(id),
  channel text not null check (channel in ('email','sms','in_app','none')),
  -- minutes after local midnight; both null = the installation's default quiet hours
  quiet_start smallint check (quiet_start between 0 and 1439),
  quiet_end smallint check (quiet_end between 0 and 1439),
  time_zone text,
  updated_at timestamptz not null
);
