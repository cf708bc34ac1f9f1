package be.hulpwijzer.catalogue.db;

import be.hulpwijzer.catalogue.testing.TemporaryDirectories;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

    /**
     * The library stops the server from its own shutdown hook as well; whichever close comes second must still
     * return only once the server has stopped, or the test databases deleted at exit are deleted under it.
     */
    @Test
    void closeReturnsOnlyOnceTheServerHasStoppedEvenWhileAnotherThreadIsStoppingIt() throws Exception {
        Path data = TemporaryDirectories.create("hulpwijzer-close-test").resolve("data");
        EmbeddedDatabase database = EmbeddedDatabase.start(data);
        Path running = data.resolve("postmaster.pid");
        assertThat(running).exists();
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Boolean> closeThenStillRunning = () -> {
            together.await();
            database.close();
            return Files.exists(running);
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> closes = threads.invokeAll(List.of(closeThenStillRunning, closeThenStillRunning));
            for (Future<Boolean> close : closes) {
                assertThat(close.get()).as("the server still running when close returned").isFalse();
            }
        } finally {
            threads.shutdown();
        }
    }
}
