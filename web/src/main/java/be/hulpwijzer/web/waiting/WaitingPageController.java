package be.hulpwijzer.web.waiting;

import be.hulpwijzer.catalogue.reference.CodeName;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import be.hulpwijzer.catalogue.report.WaitingFigures;
import be.hulpwijzer.catalogue.report.WaitingReportController;
import be.hulpwijzer.catalogue.report.WaitingTrend;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.ErrorPage;
import be.hulpwijzer.web.page.Models;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Wachtbeheer, public: a heat map of zones × life domains (each cell the median expected wait and the
 * number with room now, linking to the search that lists those modules), the table per module type and
 * age band of one zone and life domain, and that zone's trend. A coordinator starts at their own zones.
 * Colour never carries meaning alone: every cell says its figures.
 */
@Controller("/wachtbeheer")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class WaitingPageController {

    private static final String DEFAULT_PROVINCE = "West-Vlaanderen";
    private static final String DEFAULT_DOMAIN = "psychisch-welzijn";

    private final WaitingFigures figures;
    private final WaitingTrend trend;
    private final ReferenceData reference;

    WaitingPageController(WaitingFigures figures, WaitingTrend trend, ReferenceData reference) {
        this.figures = figures;
        this.trend = trend;
        this.reference = reference;
    }

    @Get
    HttpResponse<?> page(@Nullable Authentication caller, @Nullable @QueryValue String provincie,
                         @Nullable @QueryValue("zone") String zoneCode, @Nullable @QueryValue String domein) {
        List<String> own = caller == null ? List.of() : Roles.zones(caller).stream().filter(reference::isZone).toList();
        List<String> provinces = reference.zones().stream().map(Zone::province).distinct().sorted().toList();
        String province = provincie != null && !provincie.isBlank() ? provincie
                : zoneCode != null && reference.isZone(zoneCode) ? reference.zonesByCode().get(zoneCode).province()
                : own.isEmpty() ? DEFAULT_PROVINCE : reference.zonesByCode().get(own.get(0)).province();
        if (!provinces.contains(province)) {
            return ErrorPage.of(400, Texts.get("unknownProvince", province), List.of());
        }
        List<Zone> zones = reference.zones().stream().filter(z -> z.province().equals(province))
                .sorted(Comparator.comparing((Zone z) -> !own.contains(z.code()))).toList();
        List<CodeName> domains = reference.lifeDomains();
        Map<String, Object> model = Models.page(Texts.get("waitingOverviewTitle"));
        model.put("province", province);
        model.put("provinces", provinces.stream().map(p -> Map.of("name", p, "selected", p.equals(province))).toList());
        model.put("domains", domains);
        model.put("rows", heatRows(zones, domains, own));
        Instant computed = figures.computedAt();
        model.put("computedAt", computed == null ? "" : Texts.get("figuresComputedAt", Dutch.dateTime(computed)));
        String zone = zoneCode != null && zones.stream().anyMatch(z -> z.code().equals(zoneCode)) ? zoneCode
                : zones.isEmpty() ? null : zones.get(0).code();
        String domain = domein != null && reference.codes(domains).contains(domein) ? domein : DEFAULT_DOMAIN;
        if (zone != null) {
            Zone chosen = reference.zonesByCode().get(zone);
            String domainName = domains.stream().filter(d -> d.code().equals(domain)).map(CodeName::name).findFirst().orElse(domain);
            String label = Texts.get("trendLabel", chosen.name(), domainName);
            model.put("detailTitle", Texts.get("detailTitle", chosen.name(), domainName));
            model.put("detailRows", detailRows(zone, domain));
            model.put("trendTitle", label);
            model.put("trendChart", TrendChart.svg(trend.weeks(zone, domain), label));
            model.put("trendZones", zones.stream().map(z -> Map.of("code", z.code(), "name", z.name(),
                    "selected", z.code().equals(zone))).toList());
            model.put("trendDomains", domains.stream().map(d -> Map.of("code", d.code(), "name", d.name(),
                    "selected", d.code().equals(domain))).toList());
        }
        return HttpResponse.ok(new ModelAndView<>("waiting-overview", model));
    }

    private List<Map<String, Object>> heatRows(List<Zone> zones, List<CodeName> domains, List<String> own) {
        Map<String, WaitingFigures.Cell> cells = figures.cells(zones.stream().map(Zone::code).toList()).stream()
                .collect(Collectors.toMap(c -> c.zone() + "|" + c.lifeDomain(), Function.identity()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Zone zone : zones) {
            List<Map<String, Object>> row = new ArrayList<>();
            for (CodeName domain : domains) {
                WaitingFigures.Cell cell = cells.get(zone.code() + "|" + domain.code());
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("domain", domain.name());
                if (cell == null) {
                    out.put("empty", true);
                    out.put("level", "none");
                } else {
                    out.put("href", "/?zone=" + zone.code() + "&domain=" + domain.code());
                    out.put("median", Dutch.days(cell.medianWaitDays()));
                    out.put("free", Texts.get("heatFree", cell.freeNow(), cell.modules()));
                    out.put("level", level(cell.medianWaitDays()));
                    out.put("label", Texts.get("heatCellLabel", zone.name(), domain.name()));
                }
                row.add(out);
            }
            rows.add(Map.of("zone", zone.name(), "zoneHref", "/zones/" + zone.code(), "cells", row,
                    "own", own.contains(zone.code())));
        }
        return rows;
    }

    private List<Map<String, Object>> detailRows(String zone, String domain) {
        Map<String, String> typeNames = reference.moduleTypes().stream().collect(Collectors.toMap(CodeName::code, CodeName::name));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (WaitingReportController.Row row : figures.rows(List.of(zone), List.of(domain), List.of(), List.of())) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", typeNames.getOrDefault(row.type(), row.type()));
            out.put("band", Texts.get("band." + row.ageBand()));
            out.put("modules", row.modules());
            out.put("free", row.freeNow());
            out.put("median", Dutch.days(row.medianWaitDays()));
            out.put("p90", Dutch.days(row.p90WaitDays()));
            out.put("stale", row.stale());
            out.put("href", "/?zone=" + zone + "&domain=" + domain + "&type=" + row.type());
            rows.add(out);
        }
        return rows;
    }


    /** Colour band of a median wait; the text in the cell says the same in days. */
    private static String level(@Nullable Double median) {
        if (median == null) {
            return "unknown";
        }
        return median <= 14 ? "short" : median <= 60 ? "medium" : median <= 120 ? "long" : "very-long";
    }
}
