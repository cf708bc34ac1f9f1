package be.hulpwijzer.indexer.index;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/**
 * The search index in Prometheus' terms, read when scraped: {@code hulpwijzer_index_ready} (1 when search
 * answers), {@code hulpwijzer_index_rebuilding}, {@code hulpwijzer_index_behind} (1 while the index has not yet
 * applied every change committed in PostgreSQL), {@code hulpwijzer_index_behind_seconds} (0 when caught up,
 * else the time since a scrape last found it caught up: alert above 5 s over two scrapes) and {@code hulpwijzer_index_modules}. A scrape that cannot reach the database
 * reports the lag as unknown (NaN).
 */
@Singleton
class IndexMetrics implements MeterBinder {

    /** Looked up when first scraped: the registry is made while the datasource (which the index needs) is. */
    private final io.micronaut.context.BeanProvider<IndexManager> provider;
    private volatile Instant caughtUpAt = Instant.now();
    private volatile IndexManager.Status last;
    private volatile Instant readAt = Instant.EPOCH;

    IndexMetrics(io.micronaut.context.BeanProvider<IndexManager> provider) {
        this.provider = provider;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("hulpwijzer.index.ready", () -> provider.get().current().isPresent() ? 1 : 0)
                .description("1 when search answers from an index").register(registry);
        Gauge.builder("hulpwijzer.index.rebuilding", () -> provider.get().rebuilding() ? 1 : 0)
                .description("1 while the index is rebuilt from PostgreSQL").register(registry);
        Gauge.builder("hulpwijzer.index.behind", () -> status() == null ? Double.NaN : last.caughtUp() ? 0 : 1)
                .description("1 while the index has not applied every committed change").register(registry);
        Gauge.builder("hulpwijzer.index.behind.seconds", this::behindSeconds)
                .description("Seconds since the index last had every committed change applied").baseUnit("seconds").register(registry);
        Gauge.builder("hulpwijzer.index.modules", () -> last == null ? Double.NaN : last.modules())
                .description("Modules in the index").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("hulpwijzer.index.rebuilds", provider,
                p -> p.get().rebuilds()).description("Rebuilds of the index from PostgreSQL completed").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("hulpwijzer.index.feed.batches", provider,
                p -> p.get().batchesApplied()).description("Change-feed batches applied to the index").register(registry);
    }

    private double behindSeconds() {
        IndexManager.Status status = status();
        if (status == null) {
            return Double.NaN;
        }
        return status.caughtUp() ? 0 : Duration.between(caughtUpAt, Instant.now()).toMillis() / 1000.0;
    }

    /** The index's status, read from the index and the database's feed position: once for all gauges of a scrape. */
    private synchronized IndexManager.Status status() {
        if (last != null && Duration.between(readAt, Instant.now()).compareTo(Duration.ofSeconds(1)) < 0) {
            return last;
        }
        try {
            IndexManager.Status status = provider.get().status();
            if (status.caughtUp()) {
                caughtUpAt = Instant.now();
            }
            last = status;
            readAt = Instant.now();
            return status;
        } catch (Exception e) {
            return null;
        }
    }
}
