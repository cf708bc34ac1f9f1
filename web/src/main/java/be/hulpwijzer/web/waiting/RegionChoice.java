package be.hulpwijzer.web.waiting;

import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import be.hulpwijzer.catalogue.report.Region;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The region picker of the coordinators' pages: one value per zone ({@code zone:brugge}) and province
 * ({@code provincie:West-Vlaanderen}); a coordinator's own zones come first and are the default.
 */
@Singleton
class RegionChoice {

    private final ReferenceData reference;

    RegionChoice(ReferenceData reference) {
        this.reference = reference;
    }

    /** A chosen region and period, with the zone or province parameter it stands for. */
    record Chosen(@Nullable String zone, @Nullable String province, Region region) {

        /** The API's query for this region and period. */
        String query() {
            String place = zone != null ? "zone=" + encode(zone) : province != null ? "province=" + encode(province) : "";
            return (place.isEmpty() ? "" : place + "&") + "from=" + region.from() + "&to=" + region.to();
        }

        private static String encode(String value) {
            return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * The region a picked value stands for (the coordinator's first zone when none was picked) and the
     * period; 400 naming the parameter when either is wrong.
     */
    Chosen choose(@Nullable String picked, @Nullable String from, @Nullable String to, Authentication caller) {
        String value = picked == null || picked.isBlank() ? defaultValue(caller) : picked;
        String zone = value.startsWith("zone:") ? value.substring(5) : null;
        String province = value.startsWith("provincie:") ? value.substring(10) : null;
        return new Chosen(zone, province, Region.of(zone, province, from, to, reference, java.time.YearMonth.now()));
    }

    /** A page model with the region picker and the period filled in, and the heading naming both. */
    Map<String, Object> page(String title, Chosen chosen, Authentication caller) {
        Region region = chosen.region();
        Map<String, Object> model = be.hulpwijzer.web.page.Models.page(title);
        model.put("regions", options(region, caller));
        model.put("from", region.from().toString());
        model.put("to", region.to().toString());
        model.put("heading", Texts.get("periodHeading", region.name(), region.from(), region.to()));
        return model;
    }

    private List<Map<String, Object>> options(Region chosen, Authentication caller) {
        List<String> own = Roles.zones(caller);
        List<Map<String, Object>> options = new ArrayList<>();
        options.add(option("", Texts.get("regionEverywhere"), chosen.everywhere()));
        reference.zones().stream().map(Zone::province).distinct().sorted().forEach(p -> options.add(option("provincie:" + p,
                Texts.get("regionProvince", p), chosen.name().equals(p))));
        reference.zones().stream().sorted(Comparator.comparing((Zone z) -> !own.contains(z.code())).thenComparing(Zone::name))
                .forEach(z -> options.add(option("zone:" + z.code(), Texts.get("regionZone", z.name()),
                        chosen.zones().size() == 1 && chosen.name().equals(z.name()))));
        return options;
    }

    private String defaultValue(Authentication caller) {
        return Roles.zones(caller).stream().filter(reference::isZone).findFirst().map(z -> "zone:" + z).orElse("");
    }

    private static Map<String, Object> option(String value, String name, boolean selected) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("value", value);
        option.put("name", name);
        option.put("selected", selected);
        return option;
    }
}
