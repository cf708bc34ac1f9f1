package be.hulpwijzer.web.waiting;

import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.report.Breakdowns;
import be.hulpwijzer.catalogue.report.PeriodFigures;
import be.hulpwijzer.catalogue.reference.CodeName;
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
        model.put("trendMonths", months(report.trend()).stream().map(ReportPageController::shortMonth).toList());
        model.put("trend", trendRows(report.trend()));
        model.put("signals", report.unmetSearches().stream().map(words::row).toList());
        model.put("waitingTotal", Texts.get("reportWaitingTotal", report.overall().waiting(), report.overall().modulesWithWaitingCount(),
                report.searches()));
        model.put("comparison", report.comparison().stream().map(c -> group(c.name(), c.figures())).toList());
        model.put("byAccess", report.byAccess().stream().map(g -> group(Texts.get("access." + g.code()), g)).toList());
        model.put("byType", report.byType().stream().map(g -> group(CodeName.nameOf(reference.moduleTypes(), g.code()), g)).toList());
        model.put("engagements", report.engagements().stream().map(e -> Map.of("name", e.organisation() + ": " + e.title(),
                "zones", String.join(", ", e.zones().stream().map(z -> reference.zonesByCode().containsKey(z)
                        ? reference.zonesByCode().get(z).name() : z).toList()),
                "capacity", e.capacityPerMonth() == null ? "–" : String.valueOf(e.capacityPerMonth()),
                "response", e.responseTimeDays() == null ? "–" : Texts.get("days", e.responseTimeDays()))).toList());
        model.put("csv", "/api/v1/reports/period/csv?" + chosen.query());
        model.put("json", "/api/v1/reports/period?" + chosen.query());
        return HttpResponse.ok(new ModelAndView<>("report", model));
    }

    /** A row of a comparison or split: its name and the group's figures in words. */
    private static Map<String, Object> group(String name, Breakdowns.Group g) {
        return Map.of("name", name, "modules", g.modules(), "free", g.freeNow(), "waiting", g.waiting(),
                "median", Dutch.days(g.medianWaitDays()), "stale", g.stale(),
                "share", g.modules() == 0 ? "–" : Math.round(100.0 * g.stale() / g.modules()) + "%");
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

    /** "nov. 26" for 2026-11: a trend of twelve months fits on A4 portrait. */
    private static String shortMonth(String month) {
        return java.time.format.DateTimeFormatter.ofPattern("MMM yy", java.util.Locale.forLanguageTag("nl-BE"))
                .format(java.time.YearMonth.parse(month));
    }

    private static List<String> months(List<PeriodFigures.Month> trend) {
        return new ArrayList<>(new TreeSet<>(trend.stream().map(PeriodFigures.Month::month).toList()));
    }

    /** One row per life domain, one cell per month (the median in days, or a dash): narrow enough to print on A4. */
    private List<Map<String, Object>> trendRows(List<PeriodFigures.Month> trend) {
        List<String> months = months(trend);
        Map<String, Map<String, String>> byDomain = new LinkedHashMap<>();
        for (PeriodFigures.Month month : trend) {
            byDomain.computeIfAbsent(month.lifeDomain(), d -> new LinkedHashMap<>()).put(month.month(),
                    month.medianWaitDays() == null ? "–" : String.valueOf(Math.round(month.medianWaitDays())));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byDomain.forEach((domain, values) -> rows.add(Map.of("domain", words.domainName(domain),
                "cells", months.stream().map(m -> values.getOrDefault(m, "–")).toList())));
        return rows;
    }
}
