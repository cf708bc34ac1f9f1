package be.hulpwijzer.seed.demo;

import be.hulpwijzer.seed.demo.Places.Place;
import be.hulpwijzer.seed.demo.Templates.ModuleKind;
import be.hulpwijzer.seed.demo.Templates.OrganisationKind;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes a fictional catalogue, organisation by organisation, from the Dutch templates. Deterministic:
 * the same seed, sizes and clock give the same rows. Everything it writes is marked as demo.
 */
final class CatalogueGenerator {

    private static final String[] NAMES = {"De Vlinder", "Het Kompas", "De Horizon", "'t Zonnetje", "De Brug",
            "Ter Linde", "De Wegwijzer", "De Sleutel", "Het Anker", "De Boomgaard", "Ten Dries", "De Regenboog",
            "Het Nest", "De Vuurtoren", "Den Akker", "De Kapstok", "Het Open Huis", "De Speelvogel", "Kadans",
            "Oranjerie", "De Kiem", "Lindenhof", "De Waaier", "Het Veer", "Zonnehoeve", "De Klimop", "Stroom",
            "Het Lichtpunt", "De Kruispunt", "Bolleboos"};
    private static final String[] FIRST = {"An", "Els", "Katrien", "Sofie", "Lien", "Nele", "Joke", "Sarah",
            "Fatima", "Ines", "Tom", "Pieter", "Bram", "Wim", "Jonas", "Karim", "Stijn", "Hanne", "Lotte", "Ruben"};
    private static final String[] LAST = {"Peeters", "Janssens", "Maes", "Claes", "Vermeulen", "Desmet",
            "Vandenberghe", "De Smet", "Willems", "Goossens", "Declercq", "Verhaeghe", "El Amrani", "Lambrecht",
            "Dewulf", "Vanhoutte", "Coppens", "Wouters", "Mertens", "Vercruysse"};
    private static final String[] STREETS = {"Kerkstraat", "Stationsstraat", "Nieuwstraat", "Molenstraat",
            "Schoolstraat", "Dorpsstraat", "Kapelstraat", "Hoogstraat", "Lindelaan", "Gentsesteenweg",
            "Brugsestraat", "Marktplein", "Zuidstraat", "Kortrijksestraat", "Leopoldlaan"};
    private static final String[] APPROACH = {
            "We werken vraaggestuurd en sluiten aan bij wat het gezin zelf belangrijk vindt.",
            "Ouders en jongeren beslissen mee over de doelen en het tempo.",
            "We werken nauw samen met school, huisarts en andere hulpverleners, altijd met akkoord van het gezin.",
            "Wie bij ons start, krijgt één vaste begeleider als aanspreekpunt.",
            "Tolken (ook via video) kunnen ingeschakeld worden.",
            "We bieden ook ondersteuning in het Frans en het Engels.",
            "Gesprekken kunnen ook 's avonds of op zaterdagvoormiddag."};
    /** A commitment an organisation may take, and the sectors that take it (empty: any). */
    private record EngagementKind(String title, String targetGroup, int capacity, int responseDays, Set<String> sectors) {

        boolean fits(String sector) {
            return sectors.isEmpty() || sectors.contains(sector);
        }
    }

    private static final List<EngagementKind> ENGAGEMENTS = List.of(
            new EngagementKind("Twee consulten per maand voor gezinnen in een 1G1P-traject", "gezinnen in een 1G1P-traject",
                    2, 5, Set.of("cgg", "ckg", "opgroeien", "vaph", "kjp")),
            new EngagementKind("Deelname aan het help-me-team van de regio", "gezinnen met vragen op meerdere levensdomeinen",
                    4, 10, Set.of()),
            new EngagementKind("GBO-doorverwijzingen voor budgetvragen: eerste contact binnen vijf werkdagen",
                    "cliënten doorverwezen door GBO-partners", 8, 5, Set.of("caw", "ocmw", "ziekenfonds")),
            new EngagementKind("Snel consult voor jongeren in crisis na aanmelding door het CLB", "jongeren tot 18 jaar",
                    3, 2, Set.of("cgg", "kjp", "caw")),
            new EngagementKind("Warme overdracht bij het einde van jeugdhulp (18+)", "jongvolwassenen die de jeugdhulp verlaten",
                    2, 10, Set.of("caw", "opgroeien", "vaph", "cgg")),
            new EngagementKind("Vaste contactpersoon voor het lokaal infopunt", "hulpverleners in de regio", 10, 3, Set.of()),
            new EngagementKind("Opvoedingsconsult binnen de maand voor gezinnen met jonge kinderen",
                    "ouders van kinderen tot 12 jaar", 6, 20, Set.of("opgroeien", "ckg", "cgg", "clb")));

    private final Templates templates;
    private final Places places;
    private final Random random;
    private final Instant now;
    private final boolean history;
    private final Set<String> usedNames = new HashSet<>();
    private final int totalWeight;

    CatalogueGenerator(Templates templates, Places places, long seed, Instant now, boolean history) {
        this.templates = templates;
        this.places = places;
        this.random = new Random(seed);
        this.now = now;
        this.history = history;
        this.totalWeight = templates.organisationKinds.stream().mapToInt(OrganisationKind::weight).sum();
    }

    /** Writes one organisation of a random kind in a random place (denser in West-Vlaanderen). */
    void organisation(long id, int moduleCount, Ids ids, Batch batch) {
        OrganisationKind kind = pickKind();
        organisation(id, moduleCount, ids, batch, kind, places.pick(random), false);
    }

    /** Writes an organisation of the kind whose name pattern is given, in the named municipality. */
    void organisation(long id, int moduleCount, Ids ids, Batch batch, String kindName, String municipality) {
        OrganisationKind kind = templates.organisationKinds.stream().filter(k -> k.name().equals(kindName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no organisation kind " + kindName));
        organisation(id, moduleCount, ids, batch, kind, places.named(municipality), true);
    }

    /** Opening hours of a head office (weekdays, an evening without appointment) and an antenna, as stored (day|opens|closes|note). */
    private static final List<String> OFFICE_HOURS = List.of("1|09:00|12:00|", "1|13:00|17:00|", "2|09:00|12:00|", "2|13:00|19:00|zonder afspraak",
            "3|09:00|12:00|", "4|09:00|12:00|", "4|13:00|17:00|", "5|09:00|12:00|");
    private static final List<String> ANTENNA_HOURS = List.of("3|13:00|17:00|op afspraak");

    /** Writes one organisation with its locations, {@code moduleCount} modules and maybe an engagement. */
    private void organisation(long id, int moduleCount, Ids ids, Batch batch, OrganisationKind kind, Place home, boolean pinned) {
        String name = uniqueName(fill(kind.name(), home), home);
        String slug = slug(name);
        String enterprise = enterpriseNumber(id);
        String phone = phone(); // drawn where it always was, so the demo stays the same
        batch.organisations.row(id, name, kind.sector(), enterprise, "https://" + slug + ".invalid",
                "onthaal@" + slug + ".invalid", phone, fill(kind.description(), home)
                        + " (Fictieve organisatie uit de demo-catalogus van Hulpwijzer.)", true);
        List<Place> locations = new ArrayList<>(List.of(home));
        if (random.nextInt(3) == 0) {
            locations.add(places.near(home, random));
        }
        for (Place place : locations) {
            boolean confidential = kind.modules().contains("caw-vluchthuis") && place != home;
            batch.locations.row(ids.nextLocation(), id, place == home ? "Hoofdzetel" : "Antenne " + place.municipality(),
                    STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(180)), place.postcode(),
                    place.nisCode(), null, null, confidential, confidential ? List.of() : place == home ? OFFICE_HOURS : ANTENNA_HOURS);
        }
        List<Long> moduleIds = new ArrayList<>();
        for (int i = 0; i < moduleCount; i++) {
            ModuleKind module = templates.moduleKinds.get(kind.modules().get(i % kind.modules().size()));
            Place at = locations.get(i % locations.size());
            String title = i < kind.modules().size() ? module.title() : module.title() + " (" + at.municipality() + ")";
            long moduleId = ids.nextModule();
            moduleIds.add(moduleId);
            module(moduleId, id, module, title, at, slug, batch);
        }
        if (random.nextInt(5) < 2) {
            engagement(ids.nextEngagement(), id, kind.sector(), home, phone, moduleIds.isEmpty() ? List.of() : List.of(moduleIds.get(0)), batch);
        }
        if (pinned) {
            // the everyday organisations of a Brugge care worker always have an engagement in force (no random draw,
            // so the rest of the demo stays as it was)
            EngagementKind engagement = ENGAGEMENTS.stream().filter(e -> e.fits(kind.sector())).findFirst().orElseThrow();
            batch.engagements.row(ids.nextEngagement(), id, engagement.title(), "Engagement binnen het regionale netwerk in "
                    + home.zoneName() + ".", engagement.targetGroup(), engagement.capacity(), engagement.responseDays(),
                    List.of(home.zoneCode()), LocalDate.ofInstant(now, ZoneOffset.UTC).minusMonths(3).withDayOfMonth(1), null,
                    "Onthaal " + home.municipality(), phone, moduleIds.isEmpty() ? List.of() : List.of(moduleIds.get(0)));
        }
    }

    private void module(long id, long organisationId, ModuleKind kind, String title, Place at, String slug, Batch batch) {
        Set<String> zones = new LinkedHashSet<>(List.of(at.zoneCode()));
        List<String> nearby = places.zonesOf(at.province());
        int extra = "mobiel".equals(kind.setting()) ? random.nextInt(3) : random.nextInt(4) == 0 ? 1 : 0;
        for (int i = 0; i < extra && !nearby.isEmpty(); i++) {
            zones.add(nearby.get(random.nextInt(nearby.size())));
        }
        String description = kind.description() + " " + APPROACH[random.nextInt(APPROACH.length)]
                + " We werken vanuit " + at.municipality() + " voor de regio " + at.zoneName() + ".";
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        List<String> languages = random.nextInt(6) == 0 ? List.of("nl", "fr", "en") : List.of("nl");
        if ("bruzel".equals(at.zoneCode())) {
            languages = List.of("nl", "fr");
        }
        batch.modules.row(id, organisationId, title, description, kind.type(), kind.setting(), kind.access(),
                kind.ageMin(), kind.ageMax(), kind.domains(), List.copyOf(zones), kind.methods(), languages,
                kind.referral(), kind.preparation(), first + " " + last, phone(),
                slug(first) + "." + slug(last) + "@" + slug + ".invalid", random.nextInt(40) == 0 ? "paused" : "active");
        availability(id, kind.waitProfile(), batch);
    }

    private void availability(long moduleId, String profile, Batch batch) {
        int roll = random.nextInt(100);
        if (roll < 8) {
            return; // never filled in: unknown to searchers
        }
        String state = roll < 38 ? "free" : roll < 82 ? "waiting" : roll < 92 ? "closed" : "unknown";
        if ("crisis".equals(profile) && "waiting".equals(state)) {
            state = "free";
        }
        int baseWait = switch (profile) {
            case "crisis" -> random.nextInt(3);
            case "short" -> 3 + random.nextInt(25);
            case "medium" -> 20 + random.nextInt(80);
            default -> 60 + random.nextInt(260);
        };
        boolean stale = random.nextInt(5) == 0;
        Instant confirmedAt = now.minus(Duration.ofHours(stale ? 24L * (31 + random.nextInt(150)) : random.nextInt(24 * 21)));
        if (history) {
            // a year of earlier states, waits drifting towards today's: enough for a trend chart
            int points = 4 + random.nextInt(8);
            for (int p = points; p >= 1; p--) {
                Instant at = confirmedAt.minus(Duration.ofDays(p * (330L / points)));
                int wait = Math.max(0, (int) (baseWait * (0.55 + 0.45 * (points - p) / points)) + random.nextInt(10) - 5);
                batch.history.row(moduleId, wait == 0 ? "free" : "waiting", wait == 0 ? Integer.valueOf(1) : null,
                        wait == 0 ? 0 : 1 + wait / 7, wait, at, "demo", at);
            }
        }
        Integer free = "free".equals(state) ? Integer.valueOf(1 + random.nextInt(4)) : null;
        Integer waiting = "waiting".equals(state) ? Integer.valueOf(1 + baseWait / 7) : "free".equals(state) ? Integer.valueOf(0) : null;
        Integer waitDays = "free".equals(state) ? Integer.valueOf(0) : "waiting".equals(state) ? Integer.valueOf(baseWait) : null;
        String note = "closed".equals(state) ? "Tijdelijk geen nieuwe aanmeldingen; de wachtlijst is afgesloten."
                : "waiting".equals(state) && baseWait > 120 ? "Dringende situaties worden besproken op het teamoverleg." : null;
        batch.availability.row(moduleId, state, free, waiting, waitDays, waitDays == null ? null : Integer.valueOf(Math.min(waitDays, 10)),
                note, confirmedAt, "demo");
    }

    /** An engagement of the kind an organisation of this sector takes: a foster care service makes no budget promises. */
    private void engagement(long id, long organisationId, String sector, Place home, String phone, List<Long> modules, Batch batch) {
        List<EngagementKind> fitting = ENGAGEMENTS.stream().filter(e -> e.fits(sector)).toList();
        EngagementKind kind = fitting.get(random.nextInt(fitting.size()));
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate from = today.minusMonths(random.nextInt(18)).withDayOfMonth(1);
        LocalDate to = random.nextInt(3) == 0 ? null : from.plusYears(1).plusMonths(random.nextInt(12)).minusDays(1);
        batch.engagements.row(id, organisationId, kind.title(), "Engagement binnen het regionale netwerk in "
                + home.zoneName() + ".", kind.targetGroup(), kind.capacity(), kind.responseDays(),
                List.of(home.zoneCode()), from, to, "Onthaal " + home.municipality(), phone, modules);
    }

    private OrganisationKind pickKind() {
        int roll = random.nextInt(totalWeight);
        for (OrganisationKind kind : templates.organisationKinds) {
            roll -= kind.weight();
            if (roll < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    /** Average modules an organisation of a random kind offers, to reach a requested module count. */
    double averageModulesPerKind() {
        return templates.organisationKinds.stream().mapToDouble(k -> k.weight() * k.modules().size()).sum() / totalWeight;
    }

    private String fill(String pattern, Place home) {
        return pattern.replace("{regio}", home.zoneName()).replace("{plaats}", home.municipality())
                .replace("{provincie}", home.province()).replace("{naam}", NAMES[random.nextInt(NAMES.length)]);
    }

    private String uniqueName(String name, Place home) {
        String candidate = name;
        for (int n = 2; !usedNames.add(candidate); n++) {
            candidate = name.contains(home.municipality()) ? name + " " + n : name + " " + home.municipality()
                    + (n > 2 ? " " + n : "");
        }
        return candidate;
    }

    private String phone() {
        return String.format("0%d %02d %02d %02d", 2 + random.nextInt(8), random.nextInt(100), random.nextInt(100),
                random.nextInt(100));
    }

    /** A fictional but valid enterprise number: 1 followed by the id, and the mod-97 check. */
    static String enterpriseNumber(long id) {
        long base = 10_000_000L + id;
        if (base > 19_999_999L) {
            return null;
        }
        return String.format("%08d%02d", base, 97 - base % 97);
    }

    static String slug(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase()
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** The ids to use next, continuing after what the database holds. */
    static final class Ids {
        private long location;
        private long module;
        private long engagement;

        Ids(long location, long module, long engagement) {
            this.location = location;
            this.module = module;
            this.engagement = engagement;
        }

        long nextLocation() {
            return ++location;
        }

        long nextModule() {
            return ++module;
        }

        long nextEngagement() {
            return ++engagement;
        }
    }

    /** The rows of a few thousand organisations, written table by table in foreign-key order. */
    static final class Batch {
        final CopyRows organisations = new CopyRows("organisation",
                "id, name, sector, enterprise_number, website, email, phone, description, demo");
        final CopyRows locations = new CopyRows("location",
                "id, organisation_id, name, street, postcode, nis_code, latitude, longitude, confidential, opening_hours");
        final CopyRows modules = new CopyRows("module", "id, organisation_id, title, description, type, setting, access, "
                + "age_min_months, age_max_months, life_domains, zones, methods, languages, referral_procedure, "
                + "referral_preparation, contact_name, contact_phone, contact_email, status");
        final CopyRows history = new CopyRows("availability_history", "module_id, state, free_places, waiting, "
                + "expected_wait_days, confirmed_at, confirmed_by, recorded_at");
        final CopyRows availability = new CopyRows("availability", "module_id, state, free_places, waiting, "
                + "expected_wait_days, expected_first_contact_days, note, confirmed_at, confirmed_by");
        final CopyRows engagements = new CopyRows("engagement", "id, organisation_id, title, description, target_group, "
                + "capacity_per_month, response_time_days, zones, valid_from, valid_to, contact_name, contact_phone, module_ids");

        List<CopyRows> inOrder() {
            return List.of(organisations, locations, modules, history, availability, engagements);
        }
    }
}
