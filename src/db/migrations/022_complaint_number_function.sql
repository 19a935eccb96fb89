-- Complaint numbers for many rows in one INSERT (batched intake): a volatile function runs once
-- per row, where an uncorrelated sub-select of nextval() would be planned once for the whole
-- statement and hand every row the same number. Same format as before: C-<year>-000123, wider
-- once the sequence passes six digits.
create function next_complaint_number(year text) returns text
language sql volatile
as $$
  select 'C-' || year || '-' || case when n < 1000000 then lpad(n::text, 6, '0') else n::text end
    from (select nextval('complaint_number_seq') as n) s
$$;
