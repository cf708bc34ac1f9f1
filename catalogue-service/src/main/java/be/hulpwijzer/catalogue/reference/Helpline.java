package be.hulpwijzer.catalogue.reference;

import java.util.List;

/**
 * A crisis or help line: shown when a search is about one of its topics (the first terms of thesaurus groups),
 * and, when {@code whenNothingFound}, on every search that finds nothing.
 */
public record Helpline(String code, String name, String number, String url, String description, List<String> topics,
                       boolean whenNothingFound) {
}
