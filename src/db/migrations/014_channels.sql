-- Channels into one record: inbound email (raw kept first, dead letters), attachments checked by
-- content, partner/social webhooks with per-source secrets, phone-call details on messages.

-- Channel details of a message: email headers, call direction / duration / outcome, webhook source.
alter table messages add column metadata jsonb not null default '{}';

-- Every message that came from outside, by the id its source gave it ('email:<Message-ID>',
-- 'webhook:<source>:<messageId>'). The primary key makes redelivery idempotent and lets a
-- follow-up that names an earlier id find its complaint.
create table channel_refs (
  ref text primary key,
  complaint_id uuid not null references complaints(id),
  -- null when the inbound message opened the complaint (its text is the description)
  message_id uuid references messages(id),
  channel text not null,
  created_at timestamptz not null
);
create index channel_refs_complaint_idx on channel_refs (complaint_id);

-- Inbound mail exactly as received, stored before it is parsed: nothing is lost when parsing or
-- intake fails. 'failed' rows are the dead letters admins see; 'received' rows still to be processed
-- (e.g. the process stopped mid-way) are picked up by the inbound-email sweep.
create table inbound_emails (
  id uuid primary key default gen_random_uuid(),
  transport text not null check (transport in ('smtp', 'imap')),
  envelope_from text,
  envelope_to text[] not null default '{}',
  remote_address text,
  size int not null,
  raw bytea not null,
  status text not null default 'received' check (status in ('received', 'processed', 'duplicate', 'failed')),
  attempts int not null default 0,
  error text,
  message_id_header text,
  complaint_id uuid references complaints(id),
  message_id uuid references messages(id),
  received_at timestamptz not null,
  processed_at timestamptz
);
create index inbound_emails_pending_idx on inbound_emails (received_at) where status = 'received';
create index inbound_emails_status_idx on inbound_emails (status, received_at desc, id desc);

-- Files that came with an email or webhook message (the service hall's uploads are in
-- `attachments`, 013). Content lives in the database (bytea) so every instance on one
-- PostgreSQL serves it and backups hold it; a rejected file keeps its metadata (the raw email still
-- holds its bytes) and is never served.
create table channel_attachments (
  id uuid primary key default gen_random_uuid(),
  complaint_id uuid not null references complaints(id),
  message_id uuid references messages(id),
  inbound_email_id uuid references inbound_emails(id),
  -- order within its message, as the sender attached them
  position int not null default 0,
  file_name text not null,
  declared_type text not null,
  detected_type text,
  size int not null,
  sha256 text not null,
  status text not null check (status in ('stored', 'rejected')),
  reject_reason text,
  content bytea,
  created_at timestamptz not null,
  check ((status = 'stored') = (content is not null))
);
create index channel_attachments_complaint_idx on channel_attachments (complaint_id, created_at);

-- Partners and social networks that may post complaints; each signs with its own secret.
create table webhook_sources (
  source text primary key,
  secret text not null,
  -- the channel its complaints and messages carry: 'social' for social networks, 'webhook' for partners
  channel text not null default 'webhook' check (channel in ('webhook', 'social')),
  active boolean not null default true,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
