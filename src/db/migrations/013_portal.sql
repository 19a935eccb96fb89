-- Service hall (customer portal): one-time sign-in codes, attachments, deflections, and the
-- indexes its first screen and progress page need at 1M complaints.

-- A one-time code per request. Unknown addresses get a row too (customer_id null, no code
-- sent) so the per-address and per-IP rate limits count them and answers look the same.
create table portal_codes (
  id uuid primary key default gen_random_uuid(),
  address text not null,               -- lower-cased email or normalised phone
  channel text not null check (channel in ('email', 'sms')),
  customer_id uuid references customers(id),
  code_hash text not null,             -- HMAC with the shared signing key; never the code itself
  attempts int not null default 0,     -- wrong guesses; at 5 the code is dead
  expires_at timestamptz not null,
  used_at timestamptz,
  ip text not null,
  created_at timestamptz not null
);
create index portal_codes_address_idx on portal_codes (address, created_at desc);
create index portal_codes_ip_idx on portal_codes (ip, created_at desc);

-- Wrong codes per client address (a guesser rotating addresses is still one IP).
create table portal_code_failures (
  id bigint generated always as identity primary key,
  ip text not null,
  at timestamptz not null
);
create index portal_code_failures_ip_idx on portal_code_failures (ip, at);

-- Files customers (and, later, email intake) attach. Content type is what the bytes are
-- (sniffed), not what the uploader called them.
create table attachments (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid references customers(id),
  complaint_id uuid references complaints(id),
  message_id uuid references messages(id),
  name text not null,
  content_type text not null,
  size int not null check (size >= 0),
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null
);
create index attachments_complaint_idx on attachments (complaint_id) where complaint_id is not null;
create index attachments_pending_idx on attachments (customer_id, created_at) where complaint_id is null;

-- Self-service that worked: the customer read an article and left without filing.
create table portal_deflections (
  id bigint generated always as identity primary key,
  customer_id uuid not null references customers(id),
  article_id text,
  category text,
  query_text text not null,
  at timestamptz not null
);
create index portal_deflections_at_idx on portal_deflections (at);

-- First screen: "has this order an open complaint?" per recent order uses complaints_order_idx (004).
-- First screen: the customer's open (and resolved, awaiting confirmation) complaints, newest change first.
create index complaints_customer_active_idx on complaints (customer_id, updated_at desc)
  where status in ('new','in_progress','awaiting_department','awaiting_customer','reopened','resolved');
