package be.hulpwijzer.indexer.index;

import be.hulpwijzer.indexer.analysis.DutchAnalyzers;
import be.hulpwijzer.indexer.document.CatalogueReader;
import be.hulpwijzer.indexer.document.DocumentMapper;
import be.hulpwijzer.indexer.feed.ChangeFeed;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Builds a complete index from PostgreSQL into a new directory, from one consistent snapshot, analysing on
 * every core. The
 * watermark committed with it is the snapshot's xmin: changes from transactions that were still running
 * are applied afterwards by the follower (and those already seen are applied again, harmlessly).
 */
final class IndexRebuilder {

    private IndexRebuilder() {
    }

    static SearchIndex build(DataSource dataSource, Path directory, DutchAnalyzers analyzers, DocumentMapper mapper)
            throws IOException, SQLException {
        SearchIndex index = SearchIndex.open(directory, analyzers, mapper, true);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                String watermark = ChangeFeed.currentWatermark(connection);
                try (ParallelAdder adder = new ParallelAdder(index, Math.min(4, Runtime.getRuntime().availableProcessors()))) {
                    CatalogueReader.allModules(connection, m -> adder.add(mapper.module(m)));
                    CatalogueReader.allEngagements(connection, e -> adder.add(mapper.engagement(e)));
                }
                connection.commit();
                index.commit(watermark);
                index.built();
                return index;
            } finally {
                connection.rollback(); // after a failure the snapshot transaction is still open: end it first
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            index.close();
            throw e;
        }
    }

    static void deleteQuietly(Path directory) {
        try (var files = java.nio.file.Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
