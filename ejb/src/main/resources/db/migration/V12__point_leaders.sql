-- The people of a task table's 责任领导 / 分管领导 column, kept on the point (issue 17): names, never
-- units. A JSON array of strings, like milestones; existing points have none.
alter table plan_point add column leaders jsonb not null default '[]'::jsonb;
