-- A scheme's scoring rules in one jsonb value (cn.duban.evaluation.ScoringRules, through
-- ScoringRulesColumn) instead of one column each: a new rule is a new member of the record, its
-- label and its doc, and a migration that gives existing schemes its value (an update of this
-- column), never a new column and entity field.
--
-- Members are named as the record's components and the API's fields; numbers keep the two decimals
-- of the columns they come from; the type stays a column too (it is what lists filter on).

alter table evaluation_scheme add column rules jsonb;

-- RLS is forced on the owner too: carry every tenant's rows over inside that tenant.
do $$
declare t record;
begin
    perform set_config('app.platform', 'on', true);
    for t in select id from tenant loop
        perform set_config('app.tenant_id', t.id, true);
        update evaluation_scheme set rules = jsonb_strip_nulls(jsonb_build_object(
            'type', type,
            'lateDeductionPercent', late_deduction_percent,
            'lateUnit', late_unit,
            'lateCapPercent', late_cap_percent,
            'partialCredit', partial_credit,
            'partialRate', partial_rate,
            'quality', jsonb_strip_nulls(jsonb_build_object(
                'EXCELLENT', quality_excellent,
                'GOOD', quality_good,
                'FAIR', quality_fair,
                'POOR', quality_poor)),
            'perOverdueTask', per_overdue_task,
            'perLateTask', per_late_task,
            'perMissedReport', per_missed_report,
            'perReturn', per_return,
            'bonusCap', bonus_cap,
            'deductionCap', deduction_cap))
        where tenant_id = t.id;
    end loop;
    perform set_config('app.tenant_id', '', true);
    perform set_config('app.platform', 'off', true);
end $$;

alter table evaluation_scheme
    alter column rules set not null,
    add constraint evaluation_scheme_rules_object check (jsonb_typeof(rules) = 'object'),
    drop column late_deduction_percent,
    drop column late_unit,
    drop column late_cap_percent,
    drop column partial_credit,
    drop column partial_rate,
    drop column quality_excellent,
    drop column quality_good,
    drop column quality_fair,
    drop column quality_poor,
    drop column per_overdue_task,
    drop column per_late_task,
    drop column per_missed_report,
    drop column per_return,
    drop column bonus_cap,
    drop column deduction_cap;
