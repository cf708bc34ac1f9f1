package be.hulpwijzer.indexer.index;

import be.hulpwijzer.indexer.document.CatalogueReader;
import be.hulpwijzer.indexer.document.DocumentMapper;
import be.hulpwijzer.indexer.document.EngagementSource;
import be.hulpwijzer.indexer.document.ModuleSource;
import be.hulpwijzer.indexer.feed.ChangeBatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies a batch of changes to an index: re-reads the current state of everything the batch names and
 * upserts or deletes its document. Idempotent, so replaying a batch after a crash is harmless.
 */
final class IndexUpdater {

    private static final int CHUNK = 1000;

    private IndexUpdater() {
    }

    /** @return the highest sequence number written, or -1 when nothing was written */
    static long apply(Connection connection, SearchIndex index, ChangeBatch batch) throws SQLException {
        Set<Long> modules = new HashSet<>(batch.modules());
        Set<Long> engagements = new HashSet<>(batch.engagements());
        if (!batch.organisations().isEmpty()) {
            Long[] ids = batch.organisations().toArray(Long[]::new);
            modules.addAll(ids(connection, "select id from module where organisation_id = any(?)", "bigint", ids));
            engagements.addAll(ids(connection, "select id from engagement where organisation_id = any(?)", "bigint", ids));
        }
        if (!batch.methods().isEmpty()) {
            modules.addAll(ids(connection, "select id from module where methods && ?", "text",
                    batch.methods().toArray(String[]::new)));
        }
        long sequence = -1;
        for (List<Long> chunk : chunks(modules)) {
            Set<Long> missing = new HashSet<>(chunk);
            for (ModuleSource module : CatalogueReader.modules(connection, chunk)) {
                missing.remove(module.id());
                String key = DocumentMapper.moduleKey(module.id());
                sequence = module.searchable() ? index.upsert(key, index.mapper().module(module)) : index.delete(key);
            }
            for (long id : missing) {
                sequence = index.delete(DocumentMapper.moduleKey(id));
            }
        }
        for (List<Long> chunk : chunks(engagements)) {
            Set<Long> missing = new HashSet<>(chunk);
            for (EngagementSource engagement : CatalogueReader.engagements(connection, chunk)) {
                missing.remove(engagement.id());
                sequence = index.upsert(DocumentMapper.engagementKey(engagement.id()), index.mapper().engagement(engagement));
            }
            for (long id : missing) {
                sequence = index.delete(DocumentMapper.engagementKey(id));
            }
        }
        return sequence;
    }

    private static Set<Long> ids(Connection connection, String sql, String type, Object[] values) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf(type, values));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static List<List<Long>> chunks(Set<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
