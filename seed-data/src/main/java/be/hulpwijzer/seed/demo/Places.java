package be.hulpwijzer.seed.demo;

import be.hulpwijzer.seed.reference.ReferenceCsv;
import org.apache.commons.csv.CSVRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Today's geography from the reference data: municipalities with their postcodes and zones. */
final class Places {

    record Place(String nisCode, String municipality, String province, String postcode, String zoneCode, String zoneName) {
    }

    /** West-Vlaanderen gets a denser catalogue: the demo is used there first. */
    private static final String DENSE_PROVINCE = "West-Vlaanderen";
    /** The cities, whose zones get more than a rural zone. */
    private static final List<String> CITIES = List.of("Gent", "Antwerpen", "Leuven", "Bruzel");
    /** Big cities that are one zone each. */
    private static final List<String> ONE_ZONE_CITIES = List.of("gent", "bruzel");

    private final List<Place> places = new ArrayList<>();
    /** Zones in turn, each as often as its weight: every zone gets organisations, West-Vlaanderen and the cities more. */
    private final List<String> zoneTurns = new ArrayList<>();
    private final Map<String, List<Place>> placesByZone = new LinkedHashMap<>();
    private int turn;
    private final Map<String, List<String>> zonesByProvince = new LinkedHashMap<>();

    Places() {
        Map<String, String> zoneNames = new LinkedHashMap<>();
        Map<String, String> zoneProvince = new LinkedHashMap<>();
        for (CSVRecord zone : ReferenceCsv.read("zones.csv")) {
            if (zone.get("valid_to").isEmpty()) {
                zoneNames.put(zone.get("code"), zone.get("name"));
                zoneProvince.put(zone.get("code"), zone.get("province"));
            }
        }
        Map<String, CSVRecord> municipalities = new LinkedHashMap<>();
        for (CSVRecord m : ReferenceCsv.read("municipalities.csv")) {
            if (m.get("valid_to").isEmpty()) {
                municipalities.put(m.get("nis_code"), m);
            }
        }
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (CSVRecord p : ReferenceCsv.read("postcodes.csv")) {
            CSVRecord m = municipalities.get(p.get("nis_code"));
            // one place per municipality and zone keeps the spread even across municipalities
            if (m == null || seen.putIfAbsent(p.get("nis_code") + p.get("zone_code"), true) != null) {
                continue;
            }
            Place place = new Place(m.get("nis_code"), m.get("name"), m.get("province"), p.get("postcode"),
                    p.get("zone_code"), zoneNames.get(p.get("zone_code")));
            places.add(place);
            placesByZone.computeIfAbsent(place.zoneCode(), z -> new ArrayList<>()).add(place);
        }
        placesByZone.keySet().stream().sorted().forEach(zone -> {
            String name = zoneNames.getOrDefault(zone, zone);
            int weight = DENSE_PROVINCE.equals(zoneProvince.get(zone)) || ONE_ZONE_CITIES.contains(zone) ? 3
                    : CITIES.stream().anyMatch(name::contains) ? 2 : 1;
            for (int i = 0; i < weight; i++) {
                zoneTurns.add(zone);
            }
        });
        zoneProvince.forEach((code, province) -> zonesByProvince.computeIfAbsent(province, k -> new ArrayList<>()).add(code));
    }

    /** The first place of a municipality, by name. */
    Place named(String municipality) {
        return places.stream().filter(p -> p.municipality().equals(municipality)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no municipality " + municipality));
    }

    /** The next zone in turn, and a place in it at random. */
    Place pick(Random random) {
        List<Place> candidates = placesByZone.get(zoneTurns.get(turn++ % zoneTurns.size()));
        return candidates.get(random.nextInt(candidates.size()));
    }

    /** A place in the same province, for a second location. */
    Place near(Place home, Random random) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Place other = places.get(random.nextInt(places.size()));
            if (other.province().equals(home.province())) {
                return other;
            }
        }
        return home;
    }

    List<String> zonesOf(String province) {
        return zonesByProvince.getOrDefault(province, List.of());
    }
}
