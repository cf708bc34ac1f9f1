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

    /** The zone and province parameters a picked value stands for; the coordinator's first zone when none was picked. */
    String[] parameters(@Nullable String picked, Authentication caller) {
        String value = picked == null || picked.isBlank() ? defaultValue(caller) : picked;
        if (value.startsWith("zone:")) {
            return new String[]{value.substring(5), null};
        }
        if (value.startsWith("provincie:")) {
            return new String[]{null, value.substring(10)};
        }
        return new String[]{null, null};
    }

    List<Map<String, Object>> options(Region chosen, Authentication caller) {
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
