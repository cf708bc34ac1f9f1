package be.hulpwijzer.seed.reference;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Reads the reference CSVs shipped in this module's resources under {@code /reference}. */
public final class ReferenceCsv {

    /** Every file, in the order it must be loaded (foreign keys). */
    public static final List<String> FILES = List.of("zones.csv", "municipalities.csv", "municipality_zones.csv",
            "postcodes.csv", "postcode_points.csv", "life_domains.csv", "module_types.csv", "sectors.csv", "synonyms.csv",
            "thesaurus.csv", "helplines.csv");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private ReferenceCsv() {
    }

    public static List<CSVRecord> read(String file) {
        try (InputStream in = open(file)) {
            return FORMAT.parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference file " + file, e);
        }
    }

    /** A digest of all files: the loader reloads only when the shipped data changed. */
    public static String checksum() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String file : FILES) {
                try (InputStream in = open(file)) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = ReferenceCsv.class.getResourceAsStream("/reference/" + file);
        if (in == null) {
            throw new IllegalStateException("reference file missing from the classpath: " + file);
        }
        return in;
    }
}
