-- Learning from corrections (issue 3 item 2): versions of the category model, their audit
-- trail, and the categories admins add to the DESIGN §2 taxonomy.

-- One row per trained model version. Only `active` is used by the classifier; a `draft` can be
-- evaluated (metrics) before it is activated; `retired` was active once and can come back.
create table classifier_models (
  id uuid primary key default gen_random_uuid(),
  version int not null unique check (version > 0),
  source text not null check (source in ('builtin', 'csv')),
  -- how it was trained: counts of corpus / correction / category-example rows, CSV columns, epochs…
  source_detail jsonb not null default '{}',
  labels text[] not null,
  training_size int not null check (training_size >= 0),
  metrics jsonb not null default '{}',
  -- TextModel.toJSON(), kept as text: ~1.3 MB for the built-in corpus, read only on activation
  model_json text not null,
  status text not null default 'draft' check (status in ('draft', 'active', 'retired')),
  created_by uuid references users(id),
  created_at timestamptz not null,
  activated_at timestamptz
);
-- Exactly one active version at a time (none = the built-in model.json).
create unique index classifier_models_one_active on classifier_models (status) where status = 'active';

-- Train / activate / rollback are not complaint events (complaint_events needs a complaint), so
-- they are audited here. from_model_id = the version active before (null = built-in model).
create table model_audit (
  id bigint generated always as identity primary key,
  action text not null check (action in ('trained', 'activated', 'rolled_back')),
  model_id uuid references classifier_models(id),
  from_model_id uuid references classifier_models(id),
  actor_kind text not null check (actor_kind in ('user', 'cli')),
  actor_id uuid references users(id),
  at timestamptz not null,
  data jsonb not null default '{}'
);
create index model_audit_at_idx on model_audit (at desc, id desc);

-- Categories admins add next to the built-in ones (src/modules/complaints/taxonomy.ts).
-- complaints.category stays plain text: the app validates codes against both sets.
create table taxonomy_categories (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null,
  name_zh text,
  department_code text not null references departments(code),
  created_by uuid references users(id),
  created_at timestamptz not null
);

-- Labelled example texts for an added category: training rows for the next model version.
create table taxonomy_category_examples (
  id bigint generated always as identity primary key,
  category_code text not null references taxonomy_categories(code),
  text text not null,
  created_at timestamptz not null
);
create index taxonomy_category_examples_code_idx on taxonomy_category_examples (category_code, id);
