-- Live updates are announced by the application after commit (db/notifier.ts,
-- events/append-event.ts), no longer by a NOTIFY inside every event-writing transaction:
-- PostgreSQL serialises the commits of notifying transactions, which capped write throughput.
drop trigger if exists complaint_events_announce on complaint_events;
drop function if exists loopdesk_announce_events();
