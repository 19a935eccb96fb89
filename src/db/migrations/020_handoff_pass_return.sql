-- Department desk: a department may pass its task on to another department (the task ends as
-- 'passed' and a new task opens there, linked both ways) or give it back to the front line
-- without an answer ('returned', e.g. "not ours" or "missing information").
alter table handoffs drop constraint handoffs_status_check;
alter table handoffs add constraint handoffs_status_check
  check (status in ('open','acknowledged','answered','cancelled','passed','returned'));

alter table handoffs
  add column passed_at timestamptz,
  add column passed_by uuid references users(id),
  -- the task this one was passed on to, and (on that task) the one it came from
  add column passed_to_id uuid references handoffs(id),
  add column passed_from_id uuid references handoffs(id),
  add column pass_note text,
  add column returned_at timestamptz,
  add column returned_by uuid references users(id),
  add column return_note text,
  -- the return note as it appears in the conversation (an internal note for the front line)
  add column return_message_id uuid references messages(id);
