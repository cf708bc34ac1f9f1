package be.hulpwijzer.indexer.search;

import java.util.Set;

/**
 * One search, immutable: free text and filters as understood (places already resolved to zones, ages to
 * months), sort and page. Sets mean "any of". An age is one age ({@code ageToMonths} null) or a range of
 * ages, "12 tot 18 jaar": modules for any age in it.
 */
public record SearchRequest(String text, Integer ageMonths, Integer ageToMonths, Set<String> zones, Set<String> domains,
                            Set<String> types, Set<String> access, Set<String> settings, Set<String> sectors,
                            Set<String> methods, Set<String> languages, boolean availableNow, Integer maxWaitWeeks,
                            boolean includeUnknown, Sort sort, Origin origin, int page, int size) {

    public enum Sort { RELEVANCE, WAIT, CONFIRMED, DISTANCE }

    /** Where distances are measured from (WGS84): the point of a postcode or municipality; null when none. */
    public record Origin(double latitude, double longitude) {
    }

    public static final int MAX_SIZE = 100;
    /** The oldest age there is, in months (120 years): the upper end of "18+". */
    public static final int OLDEST_MONTHS = 1440;
    /** Deep paging costs memory for nothing: nobody reads past this many results. */
    public static final int MAX_RESULTS = 10_000;

    public SearchRequest {
        text = text == null ? "" : text;
        zones = Set.copyOf(zones);
        domains = Set.copyOf(domains);
        types = Set.copyOf(types);
        access = Set.copyOf(access);
        settings = Set.copyOf(settings);
        sectors = Set.copyOf(sectors);
        methods = Set.copyOf(methods);
        languages = Set.copyOf(languages);
        if (ageToMonths != null && (ageMonths == null || ageToMonths < ageMonths)) {
            throw new IllegalArgumentException("an age range needs its lower end first");
        }
        if (sort == Sort.DISTANCE && origin == null) {
            throw new IllegalArgumentException("sorting by distance needs an origin");
        }
    }

    /** Everything, first page: the browse view. */
    public static SearchRequest all() {
        return new SearchRequest("", null, null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of(), false, null, false, Sort.RELEVANCE, null, 1, 20);
    }

    public SearchRequest withText(String newText) {
        return new SearchRequest(newText, ageMonths, ageToMonths, zones, domains, types, access, settings, sectors, methods,
                languages, availableNow, maxWaitWeeks, includeUnknown, sort, origin, page, size);
    }

    /** The highest age asked for: the range's upper end, or the one age. */
    public Integer ageUpToMonths() {
        return ageToMonths != null ? ageToMonths : ageMonths;
    }

    public boolean filtersOnAvailability() {
        return availableNow || maxWaitWeeks != null;
    }
}
