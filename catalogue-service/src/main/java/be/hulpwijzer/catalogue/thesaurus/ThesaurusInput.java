package be.hulpwijzer.catalogue.thesaurus;

import be.hulpwijzer.catalogue.api.JsonFields;

import java.util.List;
import java.util.Set;

/** A new group: at least two words or phrases meaning the same, and optionally a life domain and module type. */
record ThesaurusInput(List<String> terms, String lifeDomain, String moduleType) {

    private static final Set<String> FIELDS = Set.of("terms", "lifeDomain", "moduleType");
    static final int MAX_TERMS = 50;
    static final int MAX_TERM_LENGTH = 100;

    static ThesaurusInput read(JsonFields json, Set<String> lifeDomains, Set<String> moduleTypes) {
        json.allowOnly(FIELDS);
        List<String> terms = json.strings("terms", MAX_TERM_LENGTH);
        if (terms != null) {
            terms = terms.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ")).distinct().toList();
            if (terms.size() < 2) {
                json.reject("terms", "thesaurus.twoTerms", "terms");
            } else if (terms.size() > MAX_TERMS) {
                json.reject("terms", "thesaurus.tooManyTerms", "terms", MAX_TERMS);
            } else if (terms.stream().anyMatch(t -> !t.matches(".*\\p{L}.*"))) {
                json.reject("terms", "thesaurus.letters", "terms");
            }
        }
        String lifeDomain = json.code("lifeDomain", false, lifeDomains);
        String moduleType = json.code("moduleType", false, moduleTypes);
        json.throwIfInvalid();
        return new ThesaurusInput(terms, lifeDomain, moduleType);
    }
}
