package be.hulpwijzer.catalogue.report;

import be.hulpwijzer.catalogue.db.Leadership;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the waiting figures current: after a change to the catalogue, at most every
 * {@code hulpwijzer.reports.refresh-interval} (default one minute) and never more often than ten times
 * the last refresh took (so a large catalogue spends at most a tenth of one core on it); and every hour
 * regardless, since "not confirmed for 30 days" changes with time alone. With several nodes on one
 * PostgreSQL only the node that holds the job's advisory lock refreshes ({@link Leadership}); the others notice
 * its refreshes; when that node dies another takes the job over at its next round.
 */
@Singleton
@Requires(property = "hulpwijzer.reports.refresh", notEquals = "false")
class WaitingFiguresRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(WaitingFiguresRefresher.class);
    private static final Duration AT_LEAST_EVERY = Duration.ofHours(1);

    private final WaitingFigures figures;
    private final Leadership leadership;
    private final Duration interval;
    private volatile Instant last = Instant.EPOCH;

    WaitingFiguresRefresher(WaitingFigures figures, Leadership leadership,
                            @Value("${hulpwijzer.reports.refresh-interval:1m}") Duration interval) {
        this.figures = figures;
        this.leadership = leadership;
        this.interval = interval;
    }

    @Scheduled(initialDelay = "10s", fixedDelay = "10s")
    void refreshWhenDue() {
        if (!leadership.leads(Leadership.Job.WAITING_FIGURES)) {
            try {
                figures.observe();
            } catch (RuntimeException e) {
                LOG.debug("The waiting figures' age could not be read", e);
            }
            return;
        }
        Duration since = Duration.between(last, Instant.now());
        Duration tenTimesLast = figures.lastDuration().multipliedBy(10);
        Duration gap = interval.compareTo(tenTimesLast) > 0 ? interval : tenTimesLast;
        boolean due = since.compareTo(gap) >= 0 && (since.compareTo(AT_LEAST_EVERY) >= 0 || figures.outdated());
        if (!due) {
            return;
        }
        try {
            Duration took = figures.refresh();
            last = Instant.now();
            LOG.info("Waiting figures refreshed in {} ms", took.toMillis());
        } catch (RuntimeException e) {
            LOG.warn("Waiting figures could not be refreshed; the previous figures stay", e);
        }
    }
}
