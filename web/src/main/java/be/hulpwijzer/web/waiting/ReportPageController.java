package be.hulpwijzer.web.waiting;

import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.report.PeriodFigures;
import be.hulpwijzer.catalogue.report.WaitingFigures;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.indexer.signals.PeriodReports;
import be.hulpwijzer.indexer.signals.PeriodReport;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The period report of a region, printable, for the network to put on the IROJ's table: waiting per zone
 * and life domain, the stale share, the trend by month per life domain, the unmet searches; with the same
 * report as CSV and JSON. For coordinators and administrators.
 */
@Controller("/rapport")
@Secured({Roles.COORDINATOR, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportPageController {

    private final PeriodReports reports;
    private final ReferenceData reference;
    private final SignalWords words;
    private final RegionChoice regions;

    ReportPageController(PeriodReports reports, ReferenceData reference, SignalWords words, RegionChoice regions) {
        this.reports = reports;
        this.reference = reference;
        this.words = words;
        this.regions = regions;
    }

    @Get
    HttpResponse<?> page(Authentication caller, @Nullable @QueryValue String regio, @Nullable @QueryValue String van,
                         @Nullable @QueryValue String tot) {
        RegionChoice.Chosen chosen = regions.choose(regio, van, tot, caller);
        PeriodReport report = reports.of(chosen.region());
        Map<String, Object> model = regions.page(Texts.get("reportTitle"), chosen, caller);
        PeriodFigures.Totals totals = report.totals();
        model.put("totals", Texts.get("reportTotals", totals.modules(), totals.freeNow(), totals.stale(),
                Math.round(totals.staleShare() * 100)));
        model.put("computedAt", report.figuresComputedAt() == null ? "" : Texts.get("figuresComputedAt", Dutch.dateTime(report.figuresComputedAt())));
        model.put("waiting", report.waiting().stream().map(this::waitingRow).toList());
        model.put("trendMonths", months(report.trend()));
        model.put("trend", trendRows(report.trend()));
        model.put("signals", report.unmetSearches().stream().map(words::row).toList());
        model.put("csv", "/api/v1/reports/period/csv?" + chosen.query());
        model.put("json", "/api/v1/reports/period?" + chosen.query());
        return HttpResponse.ok(new ModelAndView<>("report", model));
    }

    private Map<String, Object> waitingRow(WaitingFigures.Cell cell) {
        Map<String, Object> row = new LinkedHashMap<>();
        var zone = reference.zonesByCode().get(cell.zone());
        row.put("zone", zone == null ? cell.zone() : zone.name());
        row.put("domain", words.domainName(cell.lifeDomain()));
        row.put("modules", cell.modules());
        row.put("free", cell.freeNow());
        row.put("median", Dutch.days(cell.medianWaitDays()));
        row.put("p90", Dutch.days(cell.p90WaitDays()));
        row.put("stale", cell.stale());
        return row;
    }

    private static List<String> months(List<PeriodFigures.Month> trend) {
        return new ArrayList<>(new TreeSet<>(trend.stream().map(PeriodFigures.Month::month).toList()));
    }

    /** One row per life domain, one cell per month (the median, or a dash). */
    private List<Map<String, Object>> trendRows(List<PeriodFigures.Month> trend) {
        List<String> months = months(trend);
        Map<String, Map<String, String>> byDomain = new LinkedHashMap<>();
        for (PeriodFigures.Month month : trend) {
            byDomain.computeIfAbsent(month.lifeDomain(), d -> new LinkedHashMap<>()).put(month.month(), Dutch.days(month.medianWaitDays()));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byDomain.forEach((domain, values) -> rows.add(Map.of("domain", words.domainName(domain),
                "cells", months.stream().map(m -> values.getOrDefault(m, "–")).toList())));
        return rows;
    }
}
