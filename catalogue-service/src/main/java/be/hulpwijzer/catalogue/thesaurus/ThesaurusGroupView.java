package be.hulpwijzer.catalogue.thesaurus;

import java.time.Instant;
import java.util.List;

/** A thesaurus group as the API shows it: shipped with the reference data, or added by someone (createdBy). */
public record ThesaurusGroupView(long id, List<String> terms, String lifeDomain, String moduleType, String source,
                                 boolean shipped, String createdBy, Instant createdAt) {
}
