package be.hulpwijzer.indexer.signals;

import be.hulpwijzer.indexer.search.SearchRequest;
import be.hulpwijzer.indexer.search.SearchResult;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records each search as what was asked and what it found, for the signals of missing help. Never who.
 * A search only queues its row; rows are written in batches every second (and before signals are read,
 * and at shutdown), so logging adds no database round trip to a search. A crash loses at most a second
 * of the log; a full queue (100,000 rows) drops rows rather than slow searches, and says so in the log.
 */
@jakarta.inject.Singleton
public class SearchLog {

    private static final Logger LOG = LoggerFactory.getLogger(SearchLog.class);
    private static final int CAPACITY = 100_000;

    /** One logged search. */
    private record Row(String[] terms, String[] zones, String[] domains, String[] types, String ageBand, boolean availableNow,
                       Integer maxWaitWeeks, long hits, long hitsFree, String[] access, String[] unknownWords) {
    }

    private final JdbcOperations jdbc;
    private final SearchTerms terms;
    private final BlockingQueue<Row> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();

    public SearchLog(JdbcOperations jdbc, be.hulpwijzer.indexer.analysis.DutchAnalyzers analyzers) {
        this.jdbc = jdbc;
        this.terms = new SearchTerms(analyzers.vocabulary());
    }

    /** Only first pages count: turning pages is not another question. Logging never fails or slows the search. */
    public void record(String typed, SearchRequest request, SearchResult result) {
        if (request.page() != 1) {
            return;
        }
        long free = result.facets().getOrDefault("availability", List.of()).stream()
                .filter(v -> v.value().equals("free")).mapToLong(SearchResult.FacetValue::count).sum();
        long hits = Math.min(result.total(), Integer.MAX_VALUE);
        Row row = new Row(terms.safe(typed).toArray(String[]::new), request.zones().stream().sorted().toArray(String[]::new),
                request.domains().stream().sorted().toArray(String[]::new), request.types().stream().sorted().toArray(String[]::new),
                ageBand(request.ageMonths()), request.availableNow(), request.maxWaitWeeks(), hits,
                request.availableNow() ? hits : free, request.access().stream().sorted().toArray(String[]::new),
                terms.unknownWords(typed, result.understood().notUnderstood(), result.total() > 0).toArray(String[]::new));
        if (!queue.offer(row) && dropped.incrementAndGet() % 1000 == 1) {
            LOG.warn("Search log queue full: {} searches not logged so far", dropped.get());
        }
    }

    /** Every second: while the database cannot be reached, the searches stay queued (up to the queue's capacity). */
    @Scheduled(fixedDelay = "1s")
    void flushWhenReachable() {
        try {
            flush();
            if (unreachable) {
                LOG.info("The search log is written again");
            }
            unreachable = false;
        } catch (RuntimeException e) {
            if (!unreachable) {
                LOG.warn("Searches are kept until the database can be reached: {}", e.toString());
            }
            unreachable = true;
        }
    }

    private volatile boolean unreachable;

    /** Writes what is queued, in one transaction; what could not be written stays queued. */
    @Connectable
    public synchronized void flush() {
        List<Row> rows = new ArrayList<>();
        queue.drainTo(rows);
        if (rows.isEmpty()) {
            return;
        }
        try {
            jdbc.execute(c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into search_log (terms, zones, domains, types, "
                        + "age_band, available_now, max_wait_weeks, hits, hits_free, access, unknown_words) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Row row : rows) {
                        ps.setArray(1, c.createArrayOf("text", row.terms()));
                        ps.setArray(2, c.createArrayOf("text", row.zones()));
                        ps.setArray(3, c.createArrayOf("text", row.domains()));
                        ps.setArray(4, c.createArrayOf("text", row.types()));
                        ps.setString(5, row.ageBand());
                        ps.setBoolean(6, row.availableNow());
                        ps.setObject(7, row.maxWaitWeeks());
                        ps.setLong(8, row.hits());
                        ps.setLong(9, row.hitsFree());
                        ps.setArray(10, c.createArrayOf("text", row.access()));
                        ps.setArray(11, c.createArrayOf("text", row.unknownWords()));
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                }
            });
        } catch (RuntimeException e) {
            rows.forEach(queue::offer);
            throw e;
        }
    }

    @PreDestroy
    void close() {
        flushWhenReachable();
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
