package be.hulpwijzer.indexer.index;

import be.hulpwijzer.indexer.analysis.DutchAnalyzers;
import be.hulpwijzer.indexer.document.DocumentMapper;
import be.hulpwijzer.indexer.feed.ChangeBatch;
import be.hulpwijzer.indexer.feed.ChangeFeed;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Owns the search index for the application's lifetime: opens the last good index at start-up (or
 * rebuilds a missing or broken one in the background while search says it is warming up), follows the
 * change feed on one thread, commits the applied watermark with the index, and swaps in a rebuilt index
 * atomically.
 */
public final class IndexManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexManager.class);
    private static final String POINTER = "current";
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(1);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
    private static final long WAIT_FOR_NOTIFICATION_MS = 250;

    private final DataSource dataSource;
    private final Path root;
    private final DutchAnalyzers analyzers;
    private final DocumentMapper mapper;
    private final AtomicReference<SearchIndex> current = new AtomicReference<>();
    private final AtomicReference<SearchIndex> rebuilt = new AtomicReference<>();
    private final Object progress = new Object();
    /** Counted for the metrics: rebuilds done, change-feed batches applied. */
    private final java.util.concurrent.atomic.AtomicLong rebuilds = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong batches = new java.util.concurrent.atomic.AtomicLong();
    private volatile String appliedWatermark;
    private volatile boolean running = true;
    private volatile boolean rebuilding;
    /** Whether the follower reaches PostgreSQL now, and when it last did. */
    private volatile boolean inTouch = true;
    private volatile java.time.Instant touchedAt = java.time.Instant.now();
    /** A rebuild replaces what the feed holds: no use following it until the rebuild is swapped in. */
    private volatile boolean overflowed;
    private final Thread follower;

    public IndexManager(DataSource dataSource, Path root, DutchAnalyzers analyzers, DocumentMapper mapper) {
        this.dataSource = dataSource;
        this.root = root;
        this.analyzers = analyzers;
        this.mapper = mapper;
        this.follower = new Thread(this::follow, "index-follower");
        this.follower.setDaemon(true);
    }

    /** Opens the last good index or starts a rebuild, then starts following the feed. */
    public void start() throws IOException {
        Files.createDirectories(root);
        Optional<SearchIndex> existing = openExisting();
        if (existing.isPresent() && existing.get().committedWatermark().isPresent() && existing.get().hasCurrentFormat()) {
            install(existing.get());
        } else {
            existing.ifPresent(IndexManager::closeQuietly);
            LOG.info("No usable search index (missing, broken or of an older format) in {}: rebuilding from PostgreSQL; search is warming up", root);
            rebuildInBackground();
        }
        follower.start();
    }

    /** The index to search, or empty while the first build runs. */
    public Optional<SearchIndex> current() {
        return Optional.ofNullable(current.get());
    }

    /** Rebuilds from PostgreSQL completed since start. */
    public long rebuilds() {
        return rebuilds.get();
    }

    /** Change-feed batches applied since start. */
    public long batchesApplied() {
        return batches.get();
    }

    public boolean rebuilding() {
        return rebuilding;
    }

    /** Starts a full rebuild from PostgreSQL; the result replaces the current index atomically when done. */
    public synchronized boolean rebuildInBackground() {
        if (rebuilding) {
            return false;
        }
        rebuilding = true;
        Thread builder = new Thread(() -> {
            Path directory = root.resolve("gen-" + System.currentTimeMillis());
            long start = System.nanoTime();
            try {
                SearchIndex index = IndexRebuilder.build(dataSource, directory, analyzers, mapper);
                LOG.info("Search index rebuilt in {} ms", (System.nanoTime() - start) / 1_000_000);
                rebuilt.set(index);
                rebuilds.incrementAndGet();
                synchronized (progress) {
                    progress.notifyAll();
                }
                // a rebuild leaves hundreds of MB of garbage in a heap grown for it; collecting it once lets the
                // JVM give that memory back instead of keeping it resident until the next rebuild
                System.gc();
            } catch (Exception e) {
                LOG.error("Rebuilding the search index failed; the previous index stays in use", e);
                IndexRebuilder.deleteQuietly(directory);
                rebuilding = false;
            }
        }, "index-rebuild");
        builder.setDaemon(true);
        builder.start();
        return true;
    }

    /**
     * Waits until every transaction committed before this call is visible in search, or the limit passes.
     * @return whether it is
     */
    public boolean awaitCaughtUp(Duration limit) throws SQLException, InterruptedException {
        String target;
        try (Connection connection = dataSource.getConnection()) {
            target = ChangeFeed.currentWatermark(connection);
        }
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (progress) {
            while (!reached(target)) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, remaining / 1_000_000));
            }
        }
        return true;
    }

    /** What an administrator (or a test) wants to know: is search ready, and does it follow the database. */
    public record Status(boolean ready, boolean rebuilding, String appliedWatermark, String databaseWatermark,
                         boolean caughtUp, long modules) {
    }

    public Status status() throws SQLException, IOException {
        String target;
        try (Connection connection = dataSource.getConnection()) {
            target = ChangeFeed.currentWatermark(connection);
        }
        SearchIndex index = current.get();
        long modules = index == null ? 0 : index.withSearcher(searcher -> (long) searcher.count(
                new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(DocumentMapper.KIND,
                        DocumentMapper.MODULE))));
        return new Status(index != null, rebuilding, appliedWatermark, target, reached(target), modules);
    }

    private boolean reached(String target) {
        String applied = appliedWatermark;
        return applied != null && current.get() != null && Long.parseUnsignedLong(applied) >= Long.parseUnsignedLong(target);
    }

    private void follow() {
        long lastCommit = System.nanoTime();
        long lastPrune = System.nanoTime();
        String committed = null;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN hulpwijzer_changes");
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    swapInRebuiltIndex();
                    SearchIndex index = current.get();
                    if (index != null && !(overflowed && rebuilding)) {
                        String from = appliedWatermark != null ? appliedWatermark : index.committedWatermark().orElseThrow();
                        ChangeBatch batch = ChangeFeed.read(connection, from);
                        if (batch.overflow()) {
                            LOG.info("More than {} changes at once, or a truncate: rebuilding instead of following",
                                    ChangeFeed.OVERFLOW);
                            overflowed = true;
                            rebuildInBackground();
                        } else {
                            long sequence = IndexUpdater.apply(connection, index, batch);
                            if (sequence >= 0) {
                                index.awaitVisible(sequence);
                            }
                            markApplied(batch.toWatermark());
                            batches.incrementAndGet();
                        }
                        if (System.nanoTime() - lastCommit > COMMIT_EVERY.toNanos() && !appliedWatermark.equals(committed)) {
                            index.commit(appliedWatermark);
                            committed = appliedWatermark;
                            lastCommit = System.nanoTime();
                        }
                        if (committed != null && System.nanoTime() - lastPrune > PRUNE_EVERY.toNanos()) {
                            ChangeFeed.prune(connection, committed);
                            lastPrune = System.nanoTime();
                        }
                    }
                    // woken at once by NOTIFY; the timeout is the polling fall-back
                    notifications.getNotifications((int) WAIT_FOR_NOTIFICATION_MS);
                    touched();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (running) {
                    if (inTouch) {
                        LOG.warn("Following the change feed failed; search answers from the index as it is, retrying every second: {}",
                                e.toString());
                    }
                    inTouch = false;
                    pause(Duration.ofSeconds(1));
                }
            }
        }
    }

    private void touched() {
        if (!inTouch) {
            LOG.info("The change feed is reachable again; search follows the database");
        }
        touchedAt = java.time.Instant.now();
        inTouch = true;
    }

    /**
     * Since when search may not show the latest changes because the follower cannot reach PostgreSQL (the last
     * time it did); empty while it follows the database.
     */
    public Optional<java.time.Instant> outOfTouchSince() {
        return inTouch ? Optional.empty() : Optional.of(touchedAt);
    }

    private void markApplied(String watermark) {
        synchronized (progress) {
            appliedWatermark = watermark;
            progress.notifyAll();
        }
    }

    /** Runs on the follower thread only, so no write races the swap. */
    private void swapInRebuiltIndex() throws IOException {
        SearchIndex fresh = rebuilt.getAndSet(null);
        if (fresh == null) {
            return;
        }
        writePointer(fresh.path().getFileName().toString());
        SearchIndex old = install(fresh);
        synchronized (progress) {
            appliedWatermark = fresh.committedWatermark().orElseThrow();
        }
        overflowed = false; // a feed entry newer than this rebuild's snapshot sets it again
        rebuilding = false;
        if (old != null) {
            closeQuietly(old);
            IndexRebuilder.deleteQuietly(old.path());
        }
        deleteOtherGenerations(fresh.path());
    }

    private SearchIndex install(SearchIndex index) {
        SearchIndex old = current.getAndSet(index);
        synchronized (progress) {
            if (appliedWatermark == null) {
                appliedWatermark = index.committedWatermark().orElse(null);
            }
            progress.notifyAll();
        }
        return old;
    }

    private Optional<SearchIndex> openExisting() {
        Path pointer = root.resolve(POINTER);
        if (!Files.exists(pointer)) {
            return Optional.empty();
        }
        try {
            Path directory = root.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip());
            return Optional.of(SearchIndex.open(directory, analyzers, mapper, false));
        } catch (IOException | RuntimeException e) {
            LOG.warn("The search index could not be opened ({}); it will be rebuilt", e.toString());
            return Optional.empty();
        }
    }

    private void writePointer(String generation) throws IOException {
        Path temporary = root.resolve(POINTER + ".tmp");
        Files.writeString(temporary, generation, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, root.resolve(POINTER), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void deleteOtherGenerations(Path keep) throws IOException {
        try (var entries = Files.list(root)) {
            entries.filter(p -> p.getFileName().toString().startsWith("gen-") && !p.equals(keep))
                    .forEach(IndexRebuilder::deleteQuietly);
        }
    }

    private void pause(Duration duration) {
        synchronized (progress) {
            try {
                progress.wait(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(SearchIndex index) {
        try {
            index.close();
        } catch (IOException e) {
            LOG.warn("Closing index {} failed: {}", index.path(), e.toString());
        }
    }

    /** Stops following, commits what was applied, closes the index. */
    @Override
    public void close() throws IOException, InterruptedException {
        running = false; // never interrupt: an interrupt closes Lucene's file channels under the writer
        follower.join(10_000);
        SearchIndex index = current.getAndSet(null);
        if (index != null) {
            if (appliedWatermark != null) {
                index.commit(appliedWatermark);
            }
            index.close();
        }
        SearchIndex unused = rebuilt.getAndSet(null);
        if (unused != null) {
            closeQuietly(unused);
        }
    }
}
