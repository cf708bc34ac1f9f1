package be.hulpwijzer.web.waiting;

import be.hulpwijzer.catalogue.reference.CodeName;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import be.hulpwijzer.catalogue.report.WaitingHeatMap;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Wachtbeheer, public: a heat map of zones × life domains, each cell the median expected wait and the
 * number with room now, linking to the search that lists those modules. Colour never carries meaning
 * alone: every cell says its figures.
 */
@Controller("/wachtbeheer")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class WaitingPageController {

    private final WaitingHeatMap heatMap;
    private final be.hulpwijzer.catalogue.report.WaitingTrend trend;
    private final ReferenceData reference;

    WaitingPageController(WaitingHeatMap heatMap, be.hulpwijzer.catalogue.report.WaitingTrend trend, ReferenceData reference) {
        this.heatMap = heatMap;
        this.trend = trend;
        this.reference = reference;
    }

    @Get
    HttpResponse<?> page(@Nullable @QueryValue String provincie, @Nullable @QueryValue("zone") String trendZoneCode,
                         @Nullable @QueryValue String domein) {
        List<String> provinces = reference.zones().stream().map(Zone::province).distinct().sorted().toList();
        String province = provincie == null || provincie.isBlank() ? "West-Vlaanderen" : provincie;
        if (!provinces.contains(province)) {
            return ErrorPage.of(400, Texts.get("unknownProvince", province), List.of());
        }
        List<Zone> zones = reference.zones().stream().filter(z -> z.province().equals(province)).toList();
        Map<String, WaitingHeatMap.Cell> cells = heatMap.cells(zones.stream().map(Zone::code).toList()).stream()
                .collect(Collectors.toMap(c -> c.zone() + "|" + c.lifeDomain(), Function.identity()));
        List<CodeName> domains = reference.lifeDomains();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Zone zone : zones) {
            List<Map<String, Object>> row = new ArrayList<>();
            for (CodeName domain : domains) {
                WaitingHeatMap.Cell cell = cells.get(zone.code() + "|" + domain.code());
                Map<String, Object> out = new LinkedHashMap<>();
                if (cell == null) {
                    out.put("empty", true);
                    out.put("level", "none");
                } else {
                    out.put("href", "/?zone=" + zone.code() + "&domain=" + domain.code());
                    out.put("median", cell.medianWaitDays() == null ? "–" : Texts.get("days", Math.round(cell.medianWaitDays())));
                    out.put("free", Texts.get("heatFree", cell.freeNow(), cell.modules()));
                    out.put("level", level(cell.medianWaitDays()));
                    out.put("label", Texts.get("heatCellLabel", zone.name(), domain.name()));
                }
                row.add(out);
            }
            rows.add(Map.of("zone", zone.name(), "zoneHref", "/zones/" + zone.code(), "cells", row));
        }
        Map<String, Object> model = Models.page(Texts.get("waitingOverviewTitle"));
        model.put("province", province);
        model.put("provinces", provinces.stream().map(p -> Map.of("name", p, "selected", p.equals(province))).toList());
        model.put("domains", domains);
        model.put("rows", rows);
        String trendZone = trendZoneCode != null && reference.isZone(trendZoneCode) ? trendZoneCode : zones.isEmpty() ? null : zones.get(0).code();
        String trendDomain = domein != null && reference.codes(domains).contains(domein) ? domein : "psychisch-welzijn";
        if (trendZone != null) {
            Zone chosen = reference.zonesByCode().get(trendZone);
            String domainName = domains.stream().filter(d -> d.code().equals(trendDomain)).map(CodeName::name).findFirst().orElse(trendDomain);
            String label = Texts.get("trendLabel", chosen.name(), domainName);
            model.put("trendTitle", label);
            model.put("trendChart", TrendChart.svg(trend.weeks(trendZone, trendDomain), label));
            model.put("trendZones", zones.stream().map(z -> Map.of("code", z.code(), "name", z.name(),
                    "selected", z.code().equals(trendZone))).toList());
            model.put("trendDomains", domains.stream().map(d -> Map.of("code", d.code(), "name", d.name(),
                    "selected", d.code().equals(trendDomain))).toList());
        }
        return HttpResponse.ok(new ModelAndView<>("waiting-overview", model));
    }

    /** Colour band of a median wait; the text in the cell says the same in days. */
    private static String level(Double median) {
        if (median == null) {
            return "unknown";
        }
        return median <= 14 ? "short" : median <= 60 ? "medium" : median <= 120 ? "long" : "very-long";
    }
}
