package be.hulpwijzer.indexer.hsds;

import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.api.Messages;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What an import reads: a JSON or NDJSON file of HSDS services, or an HSDS tabular data package (a directory or
 * a zip with {@code datapackage.json}). A package with {@code services.ndjson} (as our export gives) is read
 * from that file, which also holds our {@code x_} extensions; a package of CSVs only (as other Open Referral
 * tools give) is checked and assembled by {@link HsdsTables}. Files larger than {@link #MAX_BYTES} are refused,
 * counted as they are read (a zip's own size claims are not trusted), and a zip whose entries climb out of
 * their folder is refused whole.
 */
public final class HsdsPackage {

    public static final long MAX_BYTES = 200L * 1024 * 1024;

    /** What a file holds: services, and organizations on their own (with our {@code x_engagements}) when it has them. */
    public record Contents(List<JsonNode> services, List<JsonNode> organizations) {
    }

    private HsdsPackage() {
    }

    /** The services in a file or package; {@code label} names it in messages (the uploaded file's name). */
    public static Contents read(Path path, String label) throws IOException {
        if (Files.isDirectory(path)) {
            try (Source source = new Directory(path, label)) {
                return read(source);
            }
        }
        if (!Files.isRegularFile(path)) {
            throw invalid(label, Messages.get("import.notPackage", label));
        }
        if (Files.size(path) > MAX_BYTES) {
            throw invalid(label, Messages.get("import.tooLarge", label, MAX_BYTES / (1024 * 1024)));
        }
        if (isZip(path)) {
            try (Source source = Archive.open(path, label)) {
                return read(source);
            }
        }
        return new Contents(HsdsImport.services(Files.readString(path, StandardCharsets.UTF_8)), List.of());
    }

    private static Contents read(Source source) throws IOException {
        if (source.has("services.ndjson")) {
            List<JsonNode> organizations = source.has("organizations.ndjson")
                    ? HsdsImport.services(new String(source.read("organizations.ndjson"), StandardCharsets.UTF_8)) : List.of();
            return new Contents(HsdsImport.services(new String(source.read("services.ndjson"), StandardCharsets.UTF_8)), organizations);
        }
        if (!source.has("datapackage.json")) {
            throw invalid(source.label(), Messages.get("import.notPackage", source.label()));
        }
        return new Contents(new HsdsTables(source).services(), List.of());
    }

    private static boolean isZip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldError(field, "import.invalid", message)));
    }

    /** The files of a package, by their path in it. */
    interface Source extends Closeable {

        String label();

        boolean has(String name) throws IOException;

        /** The whole file, at most {@link #MAX_BYTES}. */
        byte[] read(String name) throws IOException;
    }

    private record Directory(Path root, String label) implements Source {

        private Path file(String name) {
            Path file = root.resolve(name).normalize();
            if (!file.startsWith(root.normalize())) {
                throw invalid(label, Messages.get("import.zipPath", label, name));
            }
            return file;
        }

        @Override
        public boolean has(String name) {
            return Files.isRegularFile(file(name));
        }

        @Override
        public byte[] read(String name) throws IOException {
            Path file = file(name);
            if (Files.size(file) > MAX_BYTES) {
                throw invalid(label, Messages.get("import.tooLarge", name, MAX_BYTES / (1024 * 1024)));
            }
            return Files.readAllBytes(file);
        }

        @Override
        public void close() {
        }
    }

    private record Archive(ZipFile zip, String label) implements Source {

        static Archive open(Path path, String label) throws IOException {
            ZipFile zip;
            try {
                zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8);
            } catch (ZipException e) {
                throw invalid(label, Messages.get("import.noZip", label));
            }
            try {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    if (climbs(name)) {
                        throw invalid(label, Messages.get("import.zipPath", label, name));
                    }
                }
            } catch (RuntimeException e) {
                zip.close();
                throw e;
            }
            return new Archive(zip, label);
        }

        /** An entry that would land outside the folder it is unpacked in: absolute, a drive, or a ".." step. */
        static boolean climbs(String name) {
            String path = name.replace('\\', '/');
            return path.startsWith("/") || path.matches("^[A-Za-z]:.*")
                    || List.of(path.split("/")).contains("..");
        }

        @Override
        public boolean has(String name) {
            return zip.getEntry(name) != null;
        }

        @Override
        public byte[] read(String name) throws IOException {
            try (InputStream in = new Bounded(zip.getInputStream(zip.getEntry(name)), name, label)) {
                return in.readAllBytes();
            }
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /** Counts what it gives and refuses more than {@link #MAX_BYTES} (a zip bomb claims a small size). */
    private static final class Bounded extends FilterInputStream {

        private final String name;
        private final String label;
        private long count;

        Bounded(InputStream in, String name, String label) {
            super(in);
            this.name = name;
            this.label = label;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > MAX_BYTES) {
                throw invalid(label, Messages.get("import.tooLarge", label + "/" + name, MAX_BYTES / (1024 * 1024)));
            }
        }
    }
}
