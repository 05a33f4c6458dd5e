-- Idempotency keys serve more than report submissions (POST /matters too): each claim names
-- what it created (scope) and the id of the result, so a key reused for another kind of
-- request is refused instead of replaying the wrong thing.
alter table idempotency_key rename column report_id to result_id;
alter table idempotency_key add column scope varchar(30) not null default 'report';
alter table idempotency_key alter column scope drop default;
