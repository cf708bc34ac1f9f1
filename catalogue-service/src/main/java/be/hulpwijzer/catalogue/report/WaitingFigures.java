package be.hulpwijzer.catalogue.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The waiting figures, read from the {@code waiting_figures} view that a refresh recomputes after changes
 * (see {@link WaitingFiguresRefresher}): a request reads a few hundred precomputed rows however large the
 * catalogue. {@link #computedAt()} says how old they are.
 */
@Singleton
public class WaitingFigures {

    private static final Logger LOG = LoggerFactory.getLogger(WaitingFigures.class);

    /** One cell of the heat map: a zone and life domain over all types and ages. */
    public record Cell(String zone, String lifeDomain, int modules, int freeNow, @Nullable Double medianWaitDays,
                       @Nullable Double p90WaitDays, int stale) {
    }

    private final JdbcOperations jdbc;
    private volatile long refreshedAtFeed = -1;
    private volatile Duration lastDuration = Duration.ZERO;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    /** When the figures in the view were computed: read at the first request and after each refresh, not per request. */
    private volatile java.util.Optional<Instant> computedAt;

    WaitingFigures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes the figures now (readers keep the previous ones meanwhile); returns how long it took. */
    @Connectable
    public synchronized Duration refresh() {
        Instant start = Instant.now();
        long feed = jdbc.execute(c -> {
            long position = feedPosition(c);
            try (Statement statement = c.createStatement()) {
                statement.execute("refresh materialized view concurrently waiting_figures");
            }
            return position;
        });
        refreshedAtFeed = feed;
        computedAt = java.util.Optional.ofNullable(readComputedAt());
        generation.incrementAndGet();
        lastDuration = Duration.between(start, Instant.now());
        LOG.debug("Waiting figures refreshed in {} ms", lastDuration.toMillis());
        return lastDuration;
    }

    /** Whether the catalogue changed since the figures were last computed (by this process). */
    @Connectable
    public boolean outdated() {
        return jdbc.execute(WaitingFigures::feedPosition) != refreshedAtFeed;
    }

    /** Counts the refreshes of this process: what was derived from the figures is current while it stays the same. */
    public long generation() {
        return generation.get();
    }

    public Duration lastDuration() {
        return lastDuration;
    }

    /**
     * On a node that does not refresh the figures itself (another node leads, {@link WaitingFiguresRefresher}):
     * notices a refresh done elsewhere, so that what is derived from the figures here is recomputed too.
     */
    @Connectable
    public void observe() {
        java.util.Optional<Instant> now = java.util.Optional.ofNullable(readComputedAt());
        if (!now.equals(computedAt)) {
            computedAt = now;
            generation.incrementAndGet();
        }
    }

    /** When the figures were computed; null when there are none. */
    @Connectable
    @Nullable
    public Instant computedAt() {
        java.util.Optional<Instant> known = computedAt;
        if (known == null) {
            known = java.util.Optional.ofNullable(readComputedAt());
            computedAt = known;
        }
        return known.orElse(null);
    }

    private Instant readComputedAt() {
        return jdbc.execute(c -> {
            try (Statement statement = c.createStatement();
                 ResultSet rs = statement.executeQuery("select max(computed_at) from waiting_figures")) {
                rs.next();
                java.sql.Timestamp at = rs.getTimestamp(1);
                return at == null ? null : at.toInstant();
            }
        });
    }

    /** Per zone, life domain, type and age band; empty filters select all. */
    @Connectable
    public List<WaitingReportController.Row> rows(Collection<String> zones, Collection<String> domains,
                                                  Collection<String> types, Collection<String> bands) {
        return jdbc.execute(c -> {
            List<WaitingReportController.Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select zone, life_domain, type, age_band, modules, free_now, median_wait_days, p90_wait_days, stale
                    from waiting_figures where type <> '*'
                      and (cardinality(?::text[]) = 0 or zone = any(?::text[]))
                      and (cardinality(?::text[]) = 0 or life_domain = any(?::text[]))
                      and (cardinality(?::text[]) = 0 or type = any(?::text[]))
                      and (cardinality(?::text[]) = 0 or age_band = any(?::text[]))
                    order by zone, life_domain, type, band_sort""")) {
                int i = 1;
                for (Collection<String> filter : List.of(zones, domains, types, bands)) {
                    ps.setArray(i++, c.createArrayOf("text", filter.toArray()));
                    ps.setArray(i++, c.createArrayOf("text", filter.toArray()));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new WaitingReportController.Row(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getInt(5), rs.getInt(6), (Double) rs.getObject(7), (Double) rs.getObject(8),
                                rs.getInt(9)));
                    }
                }
            }
            return rows;
        });
    }

    /** The heat map's cells for these zones (all zones when empty). */
    @Connectable
    public List<Cell> cells(Collection<String> zones) {
        return jdbc.execute(c -> {
            List<Cell> cells = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select zone, life_domain, modules, free_now, median_wait_days, p90_wait_days, stale
                    from waiting_figures where type = '*' and (cardinality(?::text[]) = 0 or zone = any(?::text[]))
                    order by zone, life_domain""")) {
                ps.setArray(1, c.createArrayOf("text", zones.toArray()));
                ps.setArray(2, c.createArrayOf("text", zones.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cells.add(new Cell(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                                (Double) rs.getObject(5), (Double) rs.getObject(6), rs.getInt(7)));
                    }
                }
            }
            return cells;
        });
    }

    private static long feedPosition(Connection c) throws SQLException {
        try (Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery("select coalesce(max(seq), 0) from change_feed")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
