-- Live updates: every committed batch of complaint events announces itself on the
-- 'loopdesk_live' channel (realtime/bus.ts), once per complaint per statement. A trigger,
-- so no code path that writes events can forget it, and it costs no extra round trip; NOTIFY
-- inside a transaction is delivered only if the transaction commits.
create function loopdesk_announce_events() returns trigger language plpgsql as $$
declare
  r record;
begin
  for r in
    select n.complaint_id, c.department_id, c.assignee_id,
           array_agg(distinct n.type) as types
      from new_events n
      join complaints c on c.id = n.complaint_id
     group by n.complaint_id, c.department_id, c.assignee_id
  loop
    perform pg_notify('loopdesk_live', json_build_object(
      'topic', 'complaint.changed',
      'complaintId', r.complaint_id,
      'departmentId', r.department_id,
      'assigneeId', r.assignee_id,
      'types', array_to_string(r.types, ',')
    )::text);
  end loop;
  return null;
end $$;

create trigger complaint_events_announce
  after insert on complaint_events
  referencing new table as new_events
  for each statement execute function loopdesk_announce_events();
