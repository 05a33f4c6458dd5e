-- Names, not login names (issue 19): the person's display name at the time, from the token, beside
-- the login kept for the trail, like task.holder_name (V23). Rows written before have none: the
-- pages and the API fall back to the login. Columns of existing tables, so their row-level security
-- (tenant_isolation) and grants cover them.
--   task.received_by_name:              who acknowledged the task (签收人)
--   task_instruction.given_by_name:     the leader who gave the instruction (批示)
--   progress_report.submitted_by_name:  who submitted the report (报送人, also while AWAITING_HEAD)
alter table task add column received_by_name varchar(200);
alter table task_instruction add column given_by_name varchar(200);
alter table progress_report add column submitted_by_name varchar(200);
