-- Learning from corrections, severity too (issue 3 item 2): a version trained from the built-in
-- source also carries a severity model (built-in corpus severities + agents' severity
-- corrections). Null for CSV versions and versions trained before this column: while such a
-- version is active, the classifier uses the built-in severity model.
alter table classifier_models add column severity_model_json text;
