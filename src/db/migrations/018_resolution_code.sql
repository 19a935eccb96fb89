-- How a complaint was resolved (refunded, replaced, explained …): set by the agent who
-- resolves it, kept until a later resolution replaces it; analytics group outcomes by it.
alter table complaints add column resolution_code text;
