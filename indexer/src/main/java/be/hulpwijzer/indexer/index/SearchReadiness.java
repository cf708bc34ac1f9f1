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
