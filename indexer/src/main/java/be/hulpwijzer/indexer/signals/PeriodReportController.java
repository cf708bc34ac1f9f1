package be.hulpwijzer.indexer.signals;

import be.hulpwijzer.catalogue.reference.ReferenceData;
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
        String csv = new ReportCsv(reference).of(report);
        String name = "rapport-" + report.region().toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + report.from() + "-" + report.to();
        return HttpResponse.ok(csv).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    }
}
