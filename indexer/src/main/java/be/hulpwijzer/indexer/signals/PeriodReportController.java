package be.hulpwijzer.indexer.signals;

import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.report.PeriodFigures;
import be.hulpwijzer.catalogue.report.Region;
import be.hulpwijzer.catalogue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.time.YearMonth;

/** The period report of a region, as JSON and as CSV (one table, a section per part). Coordinators and administrators. */
@Controller("/api/v1/reports/period")
@Secured({Roles.ADMIN, Roles.COORDINATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
class PeriodReportController {

    private final PeriodReports reports;
    private final ReferenceData reference;

    PeriodReportController(PeriodReports reports, ReferenceData reference) {
        this.reports = reports;
        this.reference = reference;
    }

    @Get
    PeriodReport report(@Nullable @QueryValue String zone, @Nullable @QueryValue String province,
                               @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        return reports.of(Region.of(zone, province, from, to, reference, YearMonth.now()));
    }

    @Get(value = "/csv", produces = "text/csv")
    HttpResponse<String> csv(@Nullable @QueryValue String zone, @Nullable @QueryValue String province,
                             @Nullable @QueryValue String from, @Nullable @QueryValue String to) throws IOException {
        PeriodReport report = report(zone, province, from, to);
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("section", "region", "zone", "life_domain", "month", "modules", "free_now", "median_wait_days",
                    "p90_wait_days", "stale", "stale_share", "terms", "types", "age_band", "searches", "without_results",
                    "without_room_now");
            PeriodFigures.Totals totals = report.totals();
            csv.printRecord("totals", report.region(), String.join(" ", report.zones()), "", report.from() + "/" + report.to(),
                    totals.modules(), totals.freeNow(), "", "", totals.stale(), totals.staleShare(), "", "", "", "", "", "");
            for (var cell : report.waiting()) {
                csv.printRecord("waiting", report.region(), cell.zone(), cell.lifeDomain(), "", cell.modules(), cell.freeNow(),
                        cell.medianWaitDays(), cell.p90WaitDays(), cell.stale(), "", "", "", "", "", "", "");
            }
            for (var month : report.trend()) {
                csv.printRecord("trend", report.region(), "", month.lifeDomain(), month.month(), month.modulesWithWait(), "",
                        month.medianWaitDays(), "", "", "", "", "", "", "", "", "");
            }
            for (var s : report.unmetSearches()) {
                csv.printRecord("unmet_searches", report.region(), String.join(" ", s.zones()), String.join(" ", s.domains()),
                        s.month(), "", "", "", "", "", "", String.join(" ", s.terms()), String.join(" ", s.types()), s.ageBand(),
                        s.searches(), s.withoutResults(), s.withoutRoomNow());
            }
        }
        String name = "rapport-" + report.region().toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + report.from() + "-" + report.to();
        return HttpResponse.ok(out.toString()).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    }
}
