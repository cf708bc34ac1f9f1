package be.hulpwijzer.indexer.index;

import org.apache.lucene.document.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Adds documents to a new index from several threads, so that analysing (the costly part of indexing) runs
 * on every core while the reading thread keeps PostgreSQL busy. The first failure of a worker stops the rest
 * and is thrown to the reader at its next add, or at close.
 */
final class ParallelAdder implements AutoCloseable {

    private static final Document END = new Document();

    private final SearchIndex index;
    private final BlockingQueue<Document> queue = new ArrayBlockingQueue<>(2048);
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    ParallelAdder(SearchIndex index, int threads) {
        this.index = index;
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(this::work, "index-rebuild-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    void add(Document document) {
        try {
            while (!queue.offer(document, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
            rethrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding the index", e);
        }
    }

    private void work() {
        try {
            for (Document next = queue.take(); next != END && failure.get() == null; next = queue.take()) {
                index.add(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e); // the reader sees it at its next add, the other workers at their next take
        }
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
        try {
            // one end mark per worker, whichever worker takes it: each worker stops at the first it takes
            for (int i = 0; i < workers.size(); i++) {
                while (!queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    if (failure.get() != null) {
                        queue.clear(); // the workers stopped adding: what is left will never be added
                    }
                }
            }
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.forEach(Thread::interrupt);
        }
        rethrow();
    }
}
