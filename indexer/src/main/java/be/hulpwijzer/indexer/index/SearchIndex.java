package be.hulpwijzer.indexer.index;

import be.hulpwijzer.indexer.analysis.DutchAnalyzers;
import be.hulpwijzer.indexer.document.DocumentMapper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import be.hulpwijzer.indexer.facet.FacetTables;
import be.hulpwijzer.indexer.facet.FacetedSearch;
import be.hulpwijzer.indexer.facet.KeptTops;
import be.hulpwijzer.indexer.facet.SteadySearcher;
import be.hulpwijzer.indexer.facet.SteadyStatistics;
import be.hulpwijzer.indexer.facet.WalkMemo;
import be.hulpwijzer.indexer.segment.RankTable;
import be.hulpwijzer.indexer.segment.SegmentTables;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One Lucene index directory and everything that lives as long as it: the writer, the searcher manager
 * with its facet state, and the thread that reopens searchers in the background (at most 50 ms behind
 * the writer, sooner when a request waits for its own write). Closed in reverse order of opening.
 */
public final class SearchIndex implements AutoCloseable {

    /** Commit user data: the change-feed watermark this commit contains every change below. */
    public static final String WATERMARK = "hulpwijzer.feed.watermark";
    /** Commit user data: the analysis and document format the index was built with. */
    public static final String FORMAT = "hulpwijzer.index.format";
    /**
     * Raise when analysis or the document mapping changes: an index of another format is rebuilt at
     * start-up instead of mixing two ways of analysing.
     */
    public static final String CURRENT_FORMAT = "9";

    /**
     * Segments stay small enough for a large index to be searched in parallel slices (one per core); a
     * catalogue of realistic size is one segment anyway.
     */
    private static final double MAX_SEGMENT_MB = 128;
    /** A rebuild writes fewer, larger segments first (fewer merges); afterwards a few updates a second. */
    private static final double BUILD_BUFFER_MB = 128;
    private static final double UPDATE_BUFFER_MB = 64;
    /**
     * Heap for the walks of large segments kept between searches: 250 kB per search on a million modules,
     * so the few hundred most recent searches.
     */
    private static final long WALK_MEMO_BYTES = 64L << 20;

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    /** Searches the slices of a large index on every core; null on one core. */
    private final ExecutorService slices;
    private final DocumentMapper mapper;

    private final FacetedSearch faceted;
    private final SegmentTables<RankTable> ranks;
    private final SteadyStatistics statistics = new SteadyStatistics();
    /** The engagements' best hits per segment. */
    private final KeptTops keptTops = new KeptTops();

    private SearchIndex(Path path, Directory directory, IndexWriter writer, DocumentMapper mapper, FacetTables tables,
                        SegmentTables<RankTable> ranks, boolean building) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.mapper = mapper;
        this.faceted = new FacetedSearch(tables, mapper.facetField(), new WalkMemo(WALK_MEMO_BYTES, WalkMemo.MIN_DOCS));
        this.ranks = ranks;
        int cores = Runtime.getRuntime().availableProcessors();
        this.slices = cores < 2 ? null : Executors.newFixedThreadPool(cores, task -> {
            Thread thread = new Thread(task, "search-slice");
            thread.setDaemon(true);
            return thread;
        });
        this.searchers = new SearcherManager(writer, new FacetSearcherFactory());
        this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, 0.05, 0.002);
        reopener.setName("index-reopen");
        reopener.setDaemon(true);
        if (!building) {
            reopener.start();
        }
    }

    /** Opens (or creates) the index at {@code path}; a corrupt index throws and is rebuilt by the caller. */
    public static SearchIndex open(Path path, DutchAnalyzers analyzers, DocumentMapper mapper, boolean create)
            throws IOException {
        Directory directory = FSDirectory.open(path);
        try {
            if (!create && !DirectoryReader.indexExists(directory)) {
                throw new IOException("no index at " + path);
            }
            Analyzer analyzer = new PerFieldAnalyzerWrapper(analyzers.index(),
                    Map.of(DocumentMapper.SPELL, analyzers.spelling()));
            FacetTables tables = new FacetTables(mapper.facetField(), DocumentMapper.FACETS);
            SegmentTables<RankTable> ranks = new SegmentTables<>(RankTable::read, RankTable::bytes);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setCodec(new HulpwijzerCodec())
                    // the in-memory tables of merged segments are read by the merge, before searches see the segment
                    .setMergedSegmentWarmer(segment -> warm(segment, tables, ranks))
                    .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                    .setMergePolicy(new TieredMergePolicy().setMaxMergedSegmentMB(MAX_SEGMENT_MB))
                    .setRAMBufferSizeMB(create ? BUILD_BUFFER_MB : UPDATE_BUFFER_MB);
            IndexWriter writer = new IndexWriter(directory, config);
            return new SearchIndex(path, directory, writer, mapper, tables, ranks, create);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public DocumentMapper mapper() {
        return mapper;
    }

    /** Adds or replaces the document with this key; returns the sequence number to wait for. */
    public long upsert(String key, Document document) {
        try {
            return writer.updateDocument(new Term(DocumentMapper.ID, key), mapper.facetsConfig().build(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the in-memory tables of every segment of the reader not read yet. */
    private static void warm(IndexReader reader, FacetTables tables, SegmentTables<RankTable> ranks) {
        tables.warm(reader);
        ranks.warm(reader);
    }

    /** Adds a document to an index being built from scratch (no older version to replace). */
    void add(Document document) {
        try {
            writer.addDocument(mapper.facetsConfig().build(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long delete(String key) {
        try {
            return writer.deleteDocuments(new Term(DocumentMapper.ID, key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes everything written so far durable, together with the feed watermark it reflects. */
    public void commit(String watermark) {
        try {
            writer.setLiveCommitData(Map.of(WATERMARK, watermark, FORMAT, CURRENT_FORMAT).entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * After a rebuild: back to the small buffer of a few updates a second, and searchers reopened from now on.
     * While an index is built nobody searches it, and reopening it every 50 ms would flush the buffer into
     * thousands of tiny segments, each merged again and again.
     */
    void built() {
        writer.getConfig().setRAMBufferSizeMB(UPDATE_BUFFER_MB);
        refresh();
        reopener.start();
    }

    /** The watermark of the last commit, if any. */
    public Optional<String> committedWatermark() {
        return commitData(WATERMARK);
    }

    /** Whether the last commit was written in the format this code reads and writes. */
    public boolean hasCurrentFormat() {
        return commitData(FORMAT).filter(CURRENT_FORMAT::equals).isPresent();
    }

    private Optional<String> commitData(String key) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (key.equals(entry.getKey())) {
                    return Optional.of(entry.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** Waits until a searcher sees the write with this sequence number (for read-your-write). */
    public void awaitVisible(long sequenceNumber) throws InterruptedException {
        reopener.waitForGeneration(sequenceNumber);
    }

    /** Refreshes now (tests and the rebuild; requests rely on the reopen thread). */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T withSearcher(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.search((FacetSearcher) searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    @FunctionalInterface
    public interface SearcherWork<T> {
        T search(FacetSearcher searcher) throws IOException;
    }

    /**
     * A searcher that carries its segments' in-memory tables (facet values and ranking inputs) and scores text
     * with the statistics of its epoch ({@link SteadyStatistics}), so a segment's best hits stay valid across
     * reopens.
     */
    public static final class FacetSearcher extends SteadySearcher {
        private final FacetedSearch faceted;
        private final SegmentTables<RankTable> ranks;

        FacetSearcher(IndexReader reader, Executor slices, FacetedSearch faceted, SegmentTables<RankTable> ranks,
                      SteadyStatistics.Epoch epoch, KeptTops kept) {
            super(reader, slices, epoch, kept);
            this.faceted = faceted;
            this.ranks = ranks;
        }

        public FacetedSearch faceted() {
            return faceted;
        }

        public SegmentTables<RankTable> ranks() {
            return ranks;
        }
    }

    /** The walks of large segments kept between searches. */
    public WalkMemo walks() {
        return faceted.walks();
    }

    /**
     * Forgets what searches keep for the next ones: the walks and rankings of large segments, the engagements'
     * best hits, the current searcher's weights. For measuring searches never seen before.
     */
    public void forgetKept() throws IOException {
        faceted.walks().clear();
        keptTops.clear();
        IndexSearcher searcher = searchers.acquire();
        try {
            ((SteadySearcher) searcher).forgetWeights();
        } finally {
            searchers.release(searcher);
        }
    }

    /** Heap held by the in-memory tables of the segments in use and by the kept walks. */
    public long tableBytes() {
        return faceted.tables().bytes() + ranks.bytes() + faceted.walks().bytes();
    }

    private final class FacetSearcherFactory extends SearcherFactory {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
            warm(reader, faceted.tables(), ranks); // new segments are read here, in the reopen thread, not by a search
            return new FacetSearcher(reader, slices, faceted, ranks, statistics.epoch(reader), keptTops);
        }
    }

    @Override
    public void close() throws IOException {
        reopener.close();
        if (slices != null) {
            slices.shutdown();
        }
        searchers.close();
        writer.close();
        directory.close();
    }
}
