package be.hulpwijzer.indexer.signals;

import be.hulpwijzer.catalogue.report.WaitingFigures;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code hulpwijzer_waiting_figures_age_seconds}: how old the waiting figures are (since their last refresh, on
 * whichever node did it); alert when it passes an hour. NaN while there are none or the database cannot be read.
 */
@Singleton
class WaitingFiguresMetrics implements MeterBinder {

    /** Looked up when scraped: the registry is made while the datasource is. */
    private final BeanProvider<WaitingFigures> figures;

    WaitingFiguresMetrics(BeanProvider<WaitingFigures> figures) {
        this.figures = figures;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("hulpwijzer.waiting.figures.age", this::age).baseUnit("seconds")
                .description("Seconds since the waiting figures were last computed").register(registry);
    }

    private double age() {
        try {
            figures.get().observe();
            Instant computed = figures.get().computedAt();
            return computed == null ? Double.NaN : Duration.between(computed, Instant.now()).toMillis() / 1000.0;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
