-- Messages written in the same instant (a chat line and the agent's answer in one test tick,
-- a bulk import) keep the order they were written in: ids are random uuids, so the
-- conversation sorts by time and then by this insertion counter.
alter table messages add column seq bigint generated always as identity;
create index messages_complaint_order_idx on messages (complaint_id, created_at, seq);
