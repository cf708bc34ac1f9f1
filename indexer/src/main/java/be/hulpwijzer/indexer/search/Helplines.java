package be.hulpwijzer.indexer.search;

import be.hulpwijzer.catalogue.reference.Helpline;
import be.hulpwijzer.indexer.analysis.Concept;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which crisis and help lines go on top of a search: those whose topics the text is about (its concepts'
 * thesaurus groups, so "zelfmoordgedachten" and "snijdt zichzelf" count), and when nothing was found, those
 * meant for every search that finds nothing.
 */
final class Helplines {

    private final List<Helpline> lines;

    Helplines(List<Helpline> lines) {
        this.lines = List.copyOf(lines);
    }

    List<SearchResult.Helpline> of(List<Concept> concepts, boolean foundNothing) {
        Set<String> topics = concepts.stream().filter(c -> !c.light()).flatMap(c -> c.groups().stream())
                .map(g -> g.terms().get(0)).collect(Collectors.toSet());
        return lines.stream()
                .filter(line -> line.topics().stream().anyMatch(topics::contains) || foundNothing && line.whenNothingFound())
                .map(line -> new SearchResult.Helpline(line.name(), line.number(), line.url(), line.description()))
                .toList();
    }
}
