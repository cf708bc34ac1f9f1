package be.hulpwijzer.indexer.signals;

import be.hulpwijzer.catalogue.report.Breakdowns;
import be.hulpwijzer.catalogue.report.PeriodFigures;
import be.hulpwijzer.catalogue.report.Region;
import be.hulpwijzer.catalogue.report.WaitingFigures;
import jakarta.inject.Singleton;

/** Puts a region's period report together from the waiting figures, the history and the search log. */
@Singleton
public class PeriodReports {

    private final WaitingFigures figures;
    private final PeriodFigures period;
    private final Signals signals;
    private final Breakdowns breakdowns;

    PeriodReports(WaitingFigures figures, PeriodFigures period, Signals signals, Breakdowns breakdowns) {
        this.breakdowns = breakdowns;
        this.figures = figures;
        this.period = period;
        this.signals = signals;
    }

    public PeriodReport of(Region region) {
        return new PeriodReport(region.name(), region.zones(), region.from().toString(), region.to().toString(),
                figures.computedAt(), period.totals(region), figures.cells(region.zones()), period.months(region),
                signals.of(region, PeriodReport.SIGNALS), breakdowns.all(region.zones()), breakdowns.by(region, "access"),
                breakdowns.by(region, "type"), breakdowns.comparison(region), breakdowns.engagements(region),
                breakdowns.searches(region));
    }
}
