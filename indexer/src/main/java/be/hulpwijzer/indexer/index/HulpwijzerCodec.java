package be.hulpwijzer.indexer.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;

/**
 * Lucene's codec with stored fields in small blocks: a search reads the stored fields of its 20 hits, each
 * in another block, and Lucene's default (blocks of up to 80 kB behind a shared dictionary) decompresses
 * far more than the one document it needs. Blocks of 8 kB (about a dozen modules), LZ4 without dictionary:
 * a slightly larger index, a fraction of the work per hit. Registered for reading by name (SPI).
 */
public final class HulpwijzerCodec extends FilterCodec {

    public static final String NAME = "Hulpwijzer912";

    private static final StoredFieldsFormat STORED_FIELDS = new Lucene90CompressingStoredFieldsFormat(
            "HulpwijzerStoredFieldsFast", CompressionMode.FAST, 8 * 1024, 64, 10);

    public HulpwijzerCodec() {
        super(NAME, new Lucene912Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return STORED_FIELDS;
    }
}
