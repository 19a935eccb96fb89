-- Secrets every instance must share (HMAC key for signed links: survey links, magic sign-in
-- links). Generated once by the first instance that starts; kept in the database so several
-- instances on one PostgreSQL sign and verify with the same key.
create table app_secrets (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);
