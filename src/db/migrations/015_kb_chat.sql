-- Knowledge base, chat sessions and the bot (issue 4, items 2 chat, 4 bot, 5 knowledge base).

create table kb_articles (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120),
  category text not null,
  helpful_count int not null default 0,
  not_helpful_count int not null default 0,
  view_count bigint not null default 0,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);

-- One version per locale; each is drafted and published on its own.
create table kb_article_versions (
  article_id uuid not null references kb_articles(id) on delete cascade,
  locale text not null check (locale in ('zh-CN', 'en')),
  title text not null,
  body text not null,
  status text not null check (status in ('draft', 'published')),
  published_at timestamptz,
  -- Pre-segmented words (jieba for Chinese, stems for English) as exact lexemes: the 'simple'
  -- configuration and the built-in parser know nothing of Chinese, so the app segments.
  search tsvector not null,
  updated_by uuid references users(id),
  updated_at timestamptz not null,
  primary key (article_id, locale)
);
create index kb_article_versions_search_idx on kb_article_versions using gin (search);
create index kb_article_versions_published_idx on kb_article_versions (locale) where status = 'published';

-- One vote per article and voter (a customer, or an anonymous visitor's fingerprint).
create table kb_votes (
  article_id uuid not null references kb_articles(id) on delete cascade,
  voter text not null,
  helpful boolean not null,
  created_at timestamptz not null,
  primary key (article_id, voter)
);

create table chat_sessions (
  id uuid primary key,
  customer_id uuid references customers(id),
  locale text not null check (locale in ('zh-CN', 'en')),
  state text not null check (state in ('bot', 'awaiting_feedback', 'awaiting_clarification', 'awaiting_order', 'awaiting_contact',
    'waiting_for_agent', 'with_agent', 'closed')),
  failed_answers int not null default 0,
  -- What the bot is waiting on (the article it offered, the topic it asked about…).
  pending jsonb not null default '{}',
  complaint_id uuid references complaints(id),
  agent_id uuid references users(id),
  -- The transcript up to this message goes into the complaint (fixed so a retried hand-over is identical).
  handover_upto_seq bigint,
  handover_reason text,
  outcome text check (outcome in ('deflected', 'handover')),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index chat_sessions_waiting_idx on chat_sessions (updated_at) where state in ('waiting_for_agent', 'with_agent');
create index chat_sessions_customer_idx on chat_sessions (customer_id, created_at desc) where customer_id is not null;

create table chat_messages (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity unique,
  session_id uuid not null references chat_sessions(id),
  sender text not null check (sender in ('customer', 'bot', 'agent', 'system')),
  author_id uuid,
  body text not null,
  -- Suggested options, article links, the intent the bot recognised.
  data jsonb not null default '{}',
  -- The sender's own id for the message: a resent message is stored once.
  client_id text,
  -- Its copy in the complaint's conversation, once the session is handed over.
  complaint_message_id uuid,
  created_at timestamptz not null
);
create index chat_messages_session_idx on chat_messages (session_id, seq);
create unique index chat_messages_client_idx on chat_messages (session_id, client_id) where client_id is not null;

-- What the bot did in a session (answered, deflected, handed over), also for sessions that never became a complaint.
create table chat_events (
  id bigint generated always as identity primary key,
  session_id uuid not null references chat_sessions(id),
  type text not null,
  lane text not null,
  actor_kind text not null,
  at timestamptz not null,
  data jsonb not null default '{}'
);
create index chat_events_type_at_idx on chat_events (type, at);

-- Chat transcripts copied into a complaint keep the bot as their author.
alter table messages drop constraint messages_author_kind_check;
alter table messages add constraint messages_author_kind_check check (author_kind in ('customer', 'user', 'system', 'bot'));
