package be.hulpwijzer.web.page;

import be.hulpwijzer.catalogue.location.Location;
import be.hulpwijzer.catalogue.reference.Municipality;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A location as the public may see it: the full address (street and number, postcode and municipality)
 * with a link to it on OpenStreetMap; a confidential address (a shelter) shows only its municipality, and
 * no map. Its opening hours, one period a line, and a note on closures.
 */
@Singleton
public class Addresses {

    private final ReferenceData reference;

    Addresses(ReferenceData reference) {
        this.reference = reference;
    }

    public Map<String, Object> of(Location l) {
        Municipality municipality = reference.municipalitiesByNis().get(l.nisCode());
        String place = l.postcode() + (municipality == null ? "" : " " + municipality.name());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", l.name());
        out.put("hours", l.openingHours().stream().map(h -> h.line()).toList());
        out.put("hoursNote", l.hoursNote());
        if (l.confidential()) {
            out.put("address", Texts.get("confidentialAddress") + ", " + (municipality == null ? l.postcode() : municipality.name()));
            return out;
        }
        String address = (l.street() == null || l.street().isBlank() ? "" : l.street() + ", ") + place;
        out.put("address", address);
        out.put("map", l.latitude() != null && l.longitude() != null
                ? String.format(Locale.ROOT, "https://www.openstreetmap.org/?mlat=%.5f&mlon=%.5f#map=17/%.5f/%.5f",
                l.latitude(), l.longitude(), l.latitude(), l.longitude())
                : "https://www.openstreetmap.org/search?query=" + URLEncoder.encode(address + ", België", StandardCharsets.UTF_8));
        return out;
    }
}
