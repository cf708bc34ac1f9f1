package be.hulpwijzer.indexer.signals;

import be.hulpwijzer.catalogue.report.Breakdowns;
import be.hulpwijzer.catalogue.report.PeriodFigures;
import be.hulpwijzer.catalogue.report.WaitingFigures;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The report a network puts on the IROJ's table, for a region and period: waiting per zone and life domain
 * now, the stale share, the trend by month, and the searches that found no help or no room. Aggregates
 * only: nothing about a family or a care worker.
 */
public record PeriodReport(String region, List<String> zones, String from, String to, @Nullable Instant figuresComputedAt,
                           PeriodFigures.Totals totals, List<WaitingFigures.Cell> waiting, List<PeriodFigures.Month> trend,
                           List<Signals.Signal> unmetSearches, Breakdowns.Group overall, List<Breakdowns.Group> byAccess,
                           List<Breakdowns.Group> byType, List<Breakdowns.Comparison> comparison,
                           List<Breakdowns.EngagementCapacity> engagements, int searches) {

    /** The unmet searches a report lists at most. */
    static final int SIGNALS = 200;
}
