package be.hulpwijzer.indexer.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a search found: one page of modules, facet counts, engagements, and how the query was understood;
 * {@code staleSince}: while the database cannot be reached, search answers from its index, which may miss the
 * changes made since then (null while it follows the database).
 */
public record SearchResult(long total, int page, int size, List<Hit> hits, Map<String, List<FacetValue>> facets,
                           List<EngagementHit> engagements, Understood understood, List<Helpline> helplines,
                           @io.micronaut.core.annotation.Nullable Instant staleSince) {

    public SearchResult withStaleSince(@io.micronaut.core.annotation.Nullable Instant since) {
        return new SearchResult(total, page, size, hits, facets, engagements, understood, helplines, since);
    }

    /**
     * {@code distanceKm}: to the nearest location of the organisation, when sorted by distance (else null);
     * {@code matched}: why this hit, the typed words it matched and how.
     */
    public record Hit(long id, String title, Organisation organisation, List<String> zones, int ageMinMonths,
                      Integer ageMaxMonths, Availability availability, String snippet, float score, Double distanceKm,
                      List<Reason> matched, String access, String cost, List<String> languages) {
    }

    /**
     * Typed words a hit matched: through themselves or their word forms ({@code via} null), a word of the thesaurus
     * ("schoolverzuim"), one part of a typed compound, or the life domain or module type the thesaurus points to
     * ("domain=school-leren", "domain=...&type=...").
     */
    public record Reason(String typed, String via) {
    }

    /** Words of the thesaurus also searched for what was typed (the first few). */
    public record Expansion(String typed, List<String> words) {
    }

    /** A crisis or help line to show on top of the results. */
    public record Helpline(String name, String number, String url, String description) {
    }

    public record Organisation(long id, String name) {
    }

    public record Availability(String state, Integer freePlaces, Integer expectedWaitDays, Instant confirmedAt,
                               boolean stale) {
    }

    public record FacetValue(String value, long count) {
    }

    public record EngagementHit(long id, String title, Organisation organisation, String targetGroup,
                                Integer capacityPerMonth, Integer responseTimeDays, List<String> zones,
                                String validFrom, String validTo, String snippet) {
    }

    /**
     * How the search box was read: the words searched, an age, places or a wish for room now found in the
     * text (each with the words it was read from), and a spelling suggestion ({@code corrected} when the hits
     * are for the suggestion because the text itself found nothing).
     */
    public record Understood(String text, Integer ageMonths, Integer ageToMonths, String ageFrom, List<String> zones,
                             String zonesFrom, String availableNowFrom, String suggestion, boolean corrected,
                             List<Expansion> expansions, List<String> notUnderstood) {

        /** Nothing read from an empty search box. */
        public static final Understood NOTHING = new Understood("", null, null, null, List.of(), null, null, null, false,
                List.of(), List.of());

        /**
         * The same reading, searched as {@code text}, with a spelling suggestion, the thesaurus' expansions and the
         * typed words that no module's text and no thesaurus entry knows.
         */
        public Understood searched(String text, String suggestion, boolean corrected, List<Expansion> expansions,
                                   List<String> notUnderstood) {
            return new Understood(text, ageMonths, ageToMonths, ageFrom, zones, zonesFrom, availableNowFrom, suggestion,
                    corrected, expansions, notUnderstood);
        }
    }
}
