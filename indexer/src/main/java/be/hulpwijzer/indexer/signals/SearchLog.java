package be.hulpwijzer.indexer.signals;

import be.hulpwijzer.indexer.search.SearchRequest;
import be.hulpwijzer.indexer.search.SearchResult;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.util.List;

/** Records each search as what was asked and what it found, for the signals of missing help. Never who. */
@jakarta.inject.Singleton
public class SearchLog {

    private static final Logger LOG = LoggerFactory.getLogger(SearchLog.class);

    private final JdbcOperations jdbc;
    private final SearchTerms terms;

    public SearchLog(JdbcOperations jdbc, be.hulpwijzer.indexer.analysis.DutchAnalyzers analyzers) {
        this.jdbc = jdbc;
        this.terms = new SearchTerms(analyzers.vocabulary());
    }

    /** Only first pages count: turning pages is not another question. A failure to log never fails the search. */
    @Connectable
    public void record(String typed, SearchRequest request, SearchResult result) {
        if (request.page() != 1) {
            return;
        }
        long free = result.facets().getOrDefault("availability", List.of()).stream()
                .filter(v -> v.value().equals("free")).mapToLong(SearchResult.FacetValue::count).sum();
        try {
            jdbc.execute(c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into search_log (terms, zones, domains, types, "
                        + "age_band, available_now, max_wait_weeks, hits, hits_free) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setArray(1, c.createArrayOf("text", terms.safe(typed).toArray()));
                    ps.setArray(2, c.createArrayOf("text", request.zones().stream().sorted().toArray()));
                    ps.setArray(3, c.createArrayOf("text", request.domains().stream().sorted().toArray()));
                    ps.setArray(4, c.createArrayOf("text", request.types().stream().sorted().toArray()));
                    ps.setString(5, ageBand(request.ageMonths()));
                    ps.setBoolean(6, request.availableNow());
                    ps.setObject(7, request.maxWaitWeeks());
                    ps.setLong(8, Math.min(result.total(), Integer.MAX_VALUE));
                    ps.setLong(9, request.availableNow() ? Math.min(result.total(), Integer.MAX_VALUE) : free);
                    return ps.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Search not logged: {}", e.toString());
        }
    }

    /** The same bands as the waiting overview. */
    static String ageBand(Integer months) {
        if (months == null) {
            return null;
        }
        if (months < 0) {
            return "zwangerschap";
        }
        return months < 48 ? "0-3" : months < 144 ? "4-11" : months < 216 ? "12-17" : months < 312 ? "18-25" : "26+";
    }
}
