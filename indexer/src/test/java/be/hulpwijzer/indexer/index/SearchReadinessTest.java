package be.hulpwijzer.indexer.index;

import be.hulpwijzer.indexer.analysis.DutchAnalyzers;
import be.hulpwijzer.indexer.document.DocumentMapper;
import be.hulpwijzer.indexer.testing.SearchTest;
import io.micronaut.health.HealthStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A load balancer asks: does the process live, and may it take traffic (search ready and following the database)? */
@MicronautTest(transactional = false)
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class SearchReadinessTest implements SearchTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    IndexManager indexes;
    @Inject
    DataSource dataSource;
    @Inject
    io.micronaut.jdbc.DataSourceResolver resolver;
    @Inject
    DutchAnalyzers analyzers;
    @Inject
    DocumentMapper mapper;

    @Test
    void aNodeWhoseSearchFollowsTheDatabaseIsLiveAndReady() throws Exception {
        assertThat(client.toBlocking().exchange("/health/liveness").code()).as("lives, even while the index warms up").isEqualTo(200);
        assertThat(indexes.awaitCaughtUp(java.time.Duration.ofSeconds(60))).isTrue();
        assertThat(client.toBlocking().exchange("/health/readiness").code()).isEqualTo(200);
        assertThat(status(new SearchReadiness(indexes))).isEqualTo(HealthStatus.UP);
    }

    @Test
    void aNodeWhoseIndexIsStillWarmingUpIsNotReady(@TempDir Path directory) throws Exception {
        try (IndexManager cold = new IndexManager(resolver.resolve(dataSource), directory, analyzers, mapper)) {
            assertThat(status(new SearchReadiness(cold))).isEqualTo(HealthStatus.DOWN);
        }
    }

    private static HealthStatus status(SearchReadiness readiness) {
        java.util.concurrent.atomic.AtomicReference<HealthResult> result = new java.util.concurrent.atomic.AtomicReference<>();
        readiness.getResult().subscribe(new org.reactivestreams.Subscriber<>() {
            @Override
            public void onSubscribe(org.reactivestreams.Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(HealthResult item) {
                result.set(item);
            }

            @Override
            public void onError(Throwable error) {
                throw new AssertionError(error);
            }

            @Override
            public void onComplete() {
            }
        });
        return result.get().getStatus();
    }
}
