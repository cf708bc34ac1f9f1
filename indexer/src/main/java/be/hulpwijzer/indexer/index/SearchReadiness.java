package be.hulpwijzer.indexer.index;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.time.Duration;
import java.util.Map;

/**
 * Readiness for a load balancer ({@code /health/readiness}): not ready while the index is warming up, or
 * while it is more than a few seconds behind the database's change feed.
 */
@Singleton
@Readiness
class SearchReadiness implements HealthIndicator {

    /** How far behind the feed search may be and still take traffic. */
    static final Duration BEHIND = Duration.ofSeconds(3);
    /** Search works, from an index that may miss the latest changes: the database cannot be reached. Neither
     * operational nor not (so it ranks above UP and still answers 200). */
    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED", "search answers, the database is unreachable", null, 500);

    private final IndexManager indexes;

    SearchReadiness(IndexManager indexes) {
        this.indexes = indexes;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return io.micronaut.core.async.publisher.Publishers.just(result());
    }

    private HealthResult result() {
        if (indexes.current().isEmpty()) {
            return HealthResult.builder("search", HealthStatus.DOWN).details(Map.of("reason", "index warming up")).build();
        }
        java.util.Optional<java.time.Instant> outOfTouch = indexes.outOfTouchSince();
        if (outOfTouch.isPresent()) {
            // still ready: search answers from the index (writes and logins answer 503 meanwhile)
            return HealthResult.builder("search", DEGRADED).details(Map.of("reason",
                    "database unreachable; search answers from the index as of " + outOfTouch.get())).build();
        }
        boolean following;
        try {
            following = indexes.awaitCaughtUp(BEHIND);
        } catch (java.sql.SQLException e) {
            return HealthResult.builder("search", HealthStatus.DOWN).details(Map.of("reason", "database unreachable")).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            following = false;
        }
        return HealthResult.builder("search", following ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("reason", following ? "follows the database" : "more than " + BEHIND.toSeconds() + " s behind"))
                .build();
    }
}
