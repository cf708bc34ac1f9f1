package be.hulpwijzer.indexer.index;

import org.apache.lucene.document.Document;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Adds documents to a new index from several threads, so that analysing (the costly part of indexing) runs
 * on every core while the reading thread keeps PostgreSQL busy. When the workers fall behind, the reading
 * thread adds the next document itself. The first failure stops further adding and is thrown to the reader
 * at its next add, or at close.
 */
final class ParallelAdder implements AutoCloseable {

    private final SearchIndex index;
    private final ThreadPoolExecutor workers;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    ParallelAdder(SearchIndex index, int threads) {
        this.index = index;
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2048),
                task -> {
                    Thread worker = new Thread(task, "index-rebuild-worker");
                    worker.setDaemon(true);
                    return worker;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    void add(Document document) {
        rethrow();
        workers.execute(() -> {
            if (failure.get() == null) {
                try {
                    index.add(document);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        });
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    /** Waits until every document handed over is added; throws the first failure. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(1, TimeUnit.HOURS)) {
                throw new IllegalStateException("indexing did not finish within an hour");
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding the index", e);
        }
        rethrow();
    }
}
