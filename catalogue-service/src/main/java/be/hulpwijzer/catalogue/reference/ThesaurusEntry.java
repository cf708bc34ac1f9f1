package be.hulpwijzer.catalogue.reference;

import java.util.List;

/** One thesaurus group: words and phrases meaning the same, the life domain and module type they point to (or null). */
public record ThesaurusEntry(List<String> terms, String lifeDomain, String moduleType) {
}
