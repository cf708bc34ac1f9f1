package be.hulpwijzer.indexer.search;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Search in Prometheus' terms: {@code hulpwijzer_search_seconds} (a histogram of how long the ranking took, for
 * the API, the pages and the HSDS search alike; per route the server's {@code http_server_requests_seconds}
 * adds the rest) and {@code hulpwijzer_search_results} (how many modules a search found: many searches that
 * find nothing are worth a look).
 */
@Singleton
public class SearchMetrics implements Searcher.Observer {

    private final Timer latency;
    private final DistributionSummary results;

    SearchMetrics(MeterRegistry registry) {
        this.latency = Timer.builder("hulpwijzer.search").description("Time to rank and facet one search")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(5)).register(registry);
        this.results = DistributionSummary.builder("hulpwijzer.search.results").description("Modules found by one search")
                .serviceLevelObjectives(0.5, 1, 3, 10, 100, 1000) // le="0.5": the searches that found nothing
                .register(registry);
    }

    @Override
    public void searched(long nanos, long found) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
        results.record(found);
    }
}
