package be.hulpwijzer.web.search;

import be.hulpwijzer.catalogue.reference.CodeName;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import be.hulpwijzer.indexer.search.SearchRequest;
import be.hulpwijzer.indexer.search.SearchResult;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;
import be.hulpwijzer.web.page.BackToSearch;
import be.hulpwijzer.web.selection.Selection;
import be.hulpwijzer.catalogue.reference.Languages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The search page's model: the form as filled in, result cards, facets as links, pages, and help when nothing is found. */
final class SearchPage {

    private static final List<String> FACETS = List.of("availability", "zone", "domain", "type", "access", "sector");

    private final ReferenceData reference;

    SearchPage(ReferenceData reference) {
        this.reference = reference;
    }

    Map<String, Object> form(QueryString query) {
        Map<String, Object> model = Models.page(query.first("q").isBlank() ? Texts.get("searchTitle")
                : Texts.get("searchTitleFor", query.first("q")));
        model.put("q", query.first("q"));
        model.put("age", query.first("age"));
        model.put("place", query.first("place"));
        model.put("availableNow", query.has("availableNow", "true"));
        model.put("maxWaitWeeks", query.first("maxWaitWeeks"));
        model.put("domains", options(reference.lifeDomains(), query.all("domain")));
        model.put("types", options(reference.moduleTypes(), query.all("type")));
        model.put("accessOptions", options(List.of(new CodeName("rtj", Texts.get("access.rtj")),
                new CodeName("nrtj", Texts.get("access.nrtj")), new CodeName("crisis", Texts.get("access.crisis")),
                new CodeName("vrij", Texts.get("access.vrij"))), query.all("access")));
        model.put("sorts", options(List.of(new CodeName("relevance", Texts.get("sortRelevance")),
                new CodeName("wait", Texts.get("sortWait")), new CodeName("confirmed", Texts.get("sortConfirmed")),
                new CodeName("distance", Texts.get("sortDistance"))),
                List.of(query.first("sort").isEmpty() ? "relevance" : query.first("sort"))));
        model.put("hiddenZones", query.all("zone"));
        model.put("places", places());
        model.put("searched", query.values().keySet().stream().anyMatch(name -> !name.equals("m")));
        Selection selection = selection(query);
        model.put("selected", selection.ids());
        model.put("activeFilters", activeFilters(query));
        if (!Boolean.TRUE.equals(model.get("searched"))) {
            // the home page: what Hulpwijzer is, help to browse by life domain, and the lines to call now
            model.put("browse", reference.lifeDomains().stream().map(d -> Map.of("name", d.name(),
                    "href", "/?domain=" + d.code() + (selection.ids().isEmpty() ? "" : "&" + selection.query()))).toList());
            model.put("homeLines", reference.helplines());
        }
        model.put("clearHref", selection.ids().isEmpty() ? "/" : "/?" + selection.query());
        return model;
    }

    /** The filters in force, in words, for the summary of the folded filters: "15 jaar · Brugge · Nu plaats vrij". */
    private String activeFilters(QueryString query) {
        List<String> words = new ArrayList<>();
        if (!query.first("age").isBlank()) {
            words.add(Texts.get("activeAge", query.first("age")));
        }
        if (!query.first("place").isBlank()) {
            words.add(query.first("place"));
        }
        query.all("domain").forEach(d -> words.add(CodeName.nameOf(reference.lifeDomains(), d)));
        query.all("type").forEach(t -> words.add(CodeName.nameOf(reference.moduleTypes(), t)));
        query.all("access").forEach(a -> words.add(Texts.has("access." + a) ? Texts.get("access." + a) : a));
        query.all("zone").forEach(z -> words.add(zoneName(z)));
        if (query.has("availableNow", "true")) {
            words.add(Texts.get("availableNowLabel"));
        }
        if (!query.first("maxWaitWeeks").isBlank()) {
            words.add(Texts.get("activeMaxWait", query.first("maxWaitWeeks")));
        }
        return String.join(" · ", words);
    }

    Map<String, Object> result(Map<String, Object> model, QueryString query, SearchResult result, Instant now) {
        model.put("total", result.total());
        model.put("totalText", result.total() == 1 ? Texts.get("oneResult") : Texts.get("results", result.total()));
        Selection selection = selection(query);
        model.put("cards", result.hits().stream().map(hit -> card(hit, now, query, selection)).toList());
        if (!selection.ids().isEmpty()) {
            model.put("selectionHref", "/selectie?" + selection.query() + "&" + BackToSearch.parameter(query.withoutOnThisPage("m").href()));
            model.put("selectionText", Texts.get("selectionView", selection.ids().size()));
        }
        model.put("facets", facets(query, result));
        model.put("pages", pages(query, result));
        long last = lastPage(result);
        if (last > 1) {
            model.put("pageText", Texts.get("pageOf", result.page(), last));
        }
        model.put("understood", understood(query, result.understood()));
        model.put("helplines", result.helplines());
        if (result.understood().suggestion() != null) {
            model.put("suggestion", result.understood().suggestion());
            model.put("suggestionHref", query.with("q", result.understood().suggestion()).href());
            model.put("corrected", result.understood().corrected());
        }
        if (result.total() == 0) {
            model.put("widen", widen(query, result.understood()));
        }
        model.put("engagements", result.engagements().stream().map(e -> Map.of("title", e.title(),
                "organisation", e.organisation().name(), "href", "/organisaties/" + e.organisation().id(),
                "response", e.responseTimeDays() == null ? "" : Texts.get("responseDays", e.responseTimeDays()))).toList());
        return model;
    }

    /** The modules kept for the family, from the URL; none when the URL's selection is not one. */
    static Selection selection(QueryString query) {
        return Selection.parse(query.all("m")).orElse(new Selection(List.of(), false));
    }

    private Map<String, Object> card(SearchResult.Hit hit, Instant now, QueryString query, Selection selection) {
        Map<String, Object> card = new LinkedHashMap<>();
        String back = BackToSearch.parameter(query.withoutOnThisPage("m").href());
        card.put("id", hit.id());
        card.put("href", "/modules/" + hit.id() + "?" + (selection.ids().isEmpty() ? "" : selection.query() + "&") + back);
        boolean selected = selection.contains(hit.id());
        card.put("selected", selected);
        card.put("selectHref", query.toggleOnThisPage("m", String.valueOf(hit.id())).href() + "#card-" + hit.id());
        card.put("selectLabel", Texts.get(selected ? "selectionRemoveShort" : "selectionAdd"));
        card.put("selectable", selected || selection.ids().size() < Selection.MAX);
        card.put("title", hit.title());
        card.put("organisation", hit.organisation().name());
        card.put("organisationHref", "/organisaties/" + hit.organisation().id());
        card.put("ages", Dutch.ages(hit.ageMinMonths(), hit.ageMaxMonths()));
        card.put("zones", hit.zones().stream().map(this::zoneName).collect(Collectors.joining(", ")));
        SearchResult.Availability a = hit.availability();
        card.put("state", a.state());
        card.put("badge", Dutch.availability(a.state(), a.freePlaces(), a.expectedWaitDays()));
        card.put("freshness", Dutch.freshness(a.confirmedAt(), now));
        card.put("stale", a.stale());
        card.put("snippet", hit.snippet());
        card.put("access", Texts.get("accessRoute." + hit.access()));
        card.put("accessCode", hit.access());
        if (hit.cost() != null && !hit.cost().strip().equalsIgnoreCase("gratis")) {
            card.put("cost", Texts.get("cardCost", hit.cost()));
        }
        List<String> other = hit.languages().stream().filter(l -> !l.equals("nl")).map(Languages::name).toList();
        if (!other.isEmpty()) {
            card.put("languages", Texts.get("cardLanguages", String.join(", ", other)));
        }
        if (!hit.matched().isEmpty()) {
            card.put("matched", reasons(hit.matched()));
        }
        if (hit.distanceKm() != null) {
            card.put("distance", Texts.get("distanceKm", hit.distanceKm()));
        }
        return card;
    }

    private List<Map<String, Object>> facets(QueryString query, SearchResult result) {
        List<Map<String, Object>> facets = new ArrayList<>();
        for (String dimension : FACETS) {
            List<SearchResult.FacetValue> values = result.facets().getOrDefault(dimension, List.of());
            if (values.isEmpty()) {
                continue;
            }
            String parameter = dimension.equals("availability") ? "availableNow" : dimension;
            List<Map<String, Object>> links = new ArrayList<>();
            for (SearchResult.FacetValue value : values) {
                if (dimension.equals("availability") && !value.value().equals("free")) {
                    links.add(Map.of("label", label(dimension, value.value()), "count", value.count(), "selected", false,
                            "href", ""));
                    continue;
                }
                String parameterValue = dimension.equals("availability") ? "true" : value.value();
                boolean selected = query.has(parameter, parameterValue);
                links.add(Map.of("label", label(dimension, value.value()), "count", value.count(), "selected", selected,
                        "href", query.toggle(parameter, parameterValue).href(), "code", value.value()));
            }
            if (dimension.equals("zone") && !query.all("zone").isEmpty()) {
                // a chosen zone: it and its neighbours in the same province first, the other zones under "meer"
                java.util.Set<String> provinces = query.all("zone").stream().map(reference.zonesByCode()::get)
                        .filter(java.util.Objects::nonNull).map(Zone::province).collect(Collectors.toSet());
                java.util.function.Predicate<Map<String, Object>> near = link -> Boolean.TRUE.equals(link.get("selected"))
                        || java.util.Optional.ofNullable(reference.zonesByCode().get((String) link.get("code")))
                        .map(z -> provinces.contains(z.province())).orElse(false);
                facets.add(Map.of("name", Texts.get("facet." + dimension), "values", links.stream().filter(near).toList(),
                        "more", links.stream().filter(near.negate()).toList()));
                continue;
            }
            facets.add(Map.of("name", Texts.get("facet." + dimension), "values", links));
        }
        return facets;
    }

    private String label(String dimension, String value) {
        return switch (dimension) {
            case "zone" -> zoneName(value);
            case "domain" -> CodeName.nameOf(reference.lifeDomains(), value);
            case "type" -> CodeName.nameOf(reference.moduleTypes(), value);
            case "sector" -> CodeName.nameOf(reference.sectors(), value);
            case "access" -> Texts.get("access." + value);
            case "availability" -> Texts.get("state." + value);
            default -> value;
        };
    }

    private String zoneName(String code) {
        Zone zone = reference.zonesByCode().get(code);
        return zone == null ? code : zone.name();
    }


    private static long lastPage(SearchResult result) {
        return Math.max(1, Math.min((result.total() + result.size() - 1) / result.size(), 10_000 / result.size()));
    }

    private static List<Map<String, Object>> pages(QueryString query, SearchResult result) {
        long last = lastPage(result);
        List<Map<String, Object>> pages = new ArrayList<>();
        int current = result.page();
        if (current > 1) {
            pages.add(Map.of("label", Texts.get("previous"), "href", query.with("page", String.valueOf(current - 1)).href(),
                    "rel", "prev"));
        }
        for (long p = Math.max(1, current - 3); p <= Math.min(last, current + 3); p++) {
            pages.add(Map.of("label", String.valueOf(p), "href", query.with("page", String.valueOf(p)).href(),
                    "current", p == current));
        }
        if (current < last) {
            pages.add(Map.of("label", Texts.get("next"), "href", query.with("page", String.valueOf(current + 1)).href(),
                    "rel", "next"));
        }
        return pages.size() > 1 ? pages : List.of();
    }

    /** What was read from the search box, each reading with a link that searches again without it. */
    private List<Map<String, Object>> understood(QueryString query, SearchResult.Understood understood) {
        List<Map<String, Object>> lines = new ArrayList<>();
        if (understood.ageMonths() != null && understood.ageFrom() != null) {
            Integer to = understood.ageToMonths();
            lines.add(reading(Texts.get("understoodAge", understood.ageFrom(), to == null ? Dutch.age(understood.ageMonths())
                    : Dutch.ages(understood.ageMonths(), to >= SearchRequest.OLDEST_MONTHS ? null : to)),
                    query.with("readAge", "false")));
        }
        if (!understood.zones().isEmpty() && understood.zonesFrom() != null && query.all("place").isEmpty()
                && query.all("zone").isEmpty()) {
            lines.add(reading(Texts.get("understoodPlace", understood.zonesFrom(),
                    understood.zones().stream().map(this::zoneName).collect(Collectors.joining(", "))),
                    query.with("readPlace", "false")));
        }
        if (understood.availableNowFrom() != null) {
            lines.add(reading(Texts.get("understoodAvailableNow", understood.availableNowFrom()),
                    query.with("readRoomNow", "false")));
        }
        for (SearchResult.Expansion expansion : understood.expansions()) {
            lines.add(Map.of("text", Texts.get("understoodExpansion", expansion.typed(), String.join(", ", expansion.words()))));
        }
        return lines;
    }

    private static Map<String, Object> reading(String text, QueryString undone) {
        return Map.of("text", text, "undoHref", undone.href(), "undoLabel", Texts.get("understoodUndo"));
    }

    /** Why a hit was found, in words: "angst", "spijbelt: schoolverzuim", "levensdomein Psychisch welzijn". */
    private String reasons(List<SearchResult.Reason> reasons) {
        return reasons.stream().map(reason -> {
            if (reason.via() == null) {
                return reason.typed();
            }
            if (reason.via().startsWith("domain=") || reason.via().startsWith("type=")) {
                List<String> names = new ArrayList<>();
                for (String part : reason.via().split("&")) {
                    String[] kv = part.split("=", 2);
                    names.add(kv[0].equals("domain") ? Texts.get("matchedDomain", label("domain", kv[1]))
                            : Texts.get("matchedType", label("type", kv[1])));
                }
                return Texts.get("matchedVia", reason.typed(), String.join(", ", names));
            }
            return Texts.get("matchedVia", reason.typed(), reason.via());
        }).collect(Collectors.joining("; "));
    }

    /** Nothing found: which words or filters to drop, and the other zones of the same province. */
    private List<Map<String, Object>> widen(QueryString query, SearchResult.Understood understood) {
        Map<String, String> read = readFromText(query, understood);
        List<Map<String, Object>> options = new ArrayList<>(withoutWhatWasRead(query, read));
        Map<String, Function<String, String>> named = new LinkedHashMap<>();
        named.put("availableNow", v -> Texts.get("dropAvailableNow"));
        named.put("maxWaitWeeks", v -> Texts.get("dropMaxWait", v));
        named.put("age", v -> Texts.get("dropAge", v));
        named.put("place", v -> Texts.get("dropPlace", v));
        named.put("domain", v -> Texts.get("dropFilter", label("domain", v)));
        named.put("type", v -> Texts.get("dropFilter", label("type", v)));
        named.put("access", v -> Texts.get("dropFilter", label("access", v)));
        named.forEach((parameter, text) -> {
            if (!query.all(parameter).isEmpty()) {
                options.add(Map.of("label", text.apply(query.first(parameter)), "href", query.without(parameter).href()));
            }
        });
        for (String code : query.all("zone")) {
            Zone zone = reference.zonesByCode().get(code);
            if (zone != null) {
                QueryString province = query.without("zone");
                for (Zone other : reference.zones()) {
                    if (other.province().equals(zone.province())) {
                        province = province.toggle("zone", other.code());
                    }
                }
                options.add(Map.of("label", Texts.get("widenProvince", zone.province()), "href", province.href()));
            }
        }
        return options;
    }

    /** The words of the age, place or wish for room now read from the text, each with the option to drop it. */
    private static Map<String, String> readFromText(QueryString query, SearchResult.Understood understood) {
        Map<String, String> read = new LinkedHashMap<>();
        if (understood.availableNowFrom() != null) {
            read.put(understood.availableNowFrom(), Texts.get("dropAvailableNow"));
        }
        if (understood.ageFrom() != null) {
            read.put(understood.ageFrom(), Texts.get("dropAge", understood.ageFrom()));
        }
        // a place chosen in the form is dropped with the form's own option; only one read from the text is here
        if (understood.zonesFrom() != null && query.all("place").isEmpty() && query.all("zone").isEmpty()) {
            read.put(understood.zonesFrom(), Texts.get("dropPlace", understood.zonesFrom()));
        }
        return read;
    }

    /** The age, place or wish for room now read from the text, each dropped from it in turn. */
    private static List<Map<String, Object>> withoutWhatWasRead(QueryString query, Map<String, String> read) {
        List<Map<String, Object>> options = new ArrayList<>();
        String typed = query.first("q");
        read.forEach((phrase, label) -> {
            // the phrase as the text had it, whatever the spaces between its words
            Matcher found = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + String.join("\\s+",
                    java.util.Arrays.stream(phrase.split("\\s+")).map(Pattern::quote).toList()) + "(?![\\p{L}\\p{N}])").matcher(typed);
            if (found.find()) {
                String without = (typed.substring(0, found.start()) + " " + typed.substring(found.end())).strip()
                        .replaceAll("\\s+", " ");
                options.add(Map.of("label", label, "href", query.with("q", without).href()));
            }
        });
        return options;
    }

    /** Suggestions for the place field (a datalist: works without JavaScript): zones, then municipalities. */
    private List<String> places() {
        List<String> places = new ArrayList<>();
        reference.zones().forEach(zone -> places.add(zone.name()));
        reference.municipalities().forEach(municipality -> places.add(municipality.name()));
        return places;
    }

    private static List<Map<String, Object>> options(List<CodeName> values, List<String> selected) {
        return values.stream().map(v -> Map.<String, Object>of("code", v.code(), "name", v.name(),
                "selected", selected.contains(v.code()))).toList();
    }
}
