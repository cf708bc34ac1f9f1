package be.hulpwijzer.catalogue.report;

/**
 * The availability history read as states by period, shared by the weekly trend and the monthly report:
 * given CTEs {@code bounds(first, last)} (the first and last period's start) and {@code modules(id, ...)},
 * the CTE {@code counted(period, module_id, wait)} holds each module's wait as it stood at the end of each
 * period. Each history entry is read once and counts at every period end from the first after it began to
 * the last before the module's next entry (room now is 0 days; closed or unknown has no wait).
 */
final class HistoryStates {

    private HistoryStates() {
    }

    /** The {@code states} and {@code counted} CTEs (to follow {@code bounds} and {@code modules}); unit: week or month. */
    static String counted(Unit unit) {
        String u = unit.name().toLowerCase();
        return """
                states as (select h.module_id,
                                  case when h.state = 'free' then 0 when h.state = 'waiting' then h.expected_wait_days end as wait,
                                  h.confirmed_at as since,
                                  lead(h.confirmed_at) over (partition by h.module_id order by h.confirmed_at, h.id) as until
                           from availability_history h join modules m on m.id = h.module_id),
                counted as (select e.period_end - interval '1 UNIT' as period, s.module_id, s.wait
                            from states s cross join bounds b
                            cross join lateral generate_series(
                                greatest(date_trunc('UNIT', s.since) + interval '1 UNIT', b.first + interval '1 UNIT'),
                                least(coalesce(date_trunc('UNIT', s.until), b.last + interval '1 UNIT'), b.last + interval '1 UNIT'),
                                interval '1 UNIT') as e(period_end))
                """.replace("UNIT", u);
    }

    enum Unit { WEEK, MONTH }
}
