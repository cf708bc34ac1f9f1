package be.hulpwijzer.catalogue.thesaurus;

/** Published after a thesaurus group was added or removed (and committed): search applies it at once. */
public record ThesaurusChanged() {
}
