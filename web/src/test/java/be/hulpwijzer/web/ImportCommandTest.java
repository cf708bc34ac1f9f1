package be.hulpwijzer.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code import-hsds PATH} reads services from a file, a directory or a zip, and says clearly what it cannot read. */
class ImportCommandTest {

    @Test
    void readsServicesFromAFileADirectoryOrAnExportZip(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("services.ndjson"), "{\"id\": \"x\"}\n", StandardCharsets.UTF_8);
        assertThat(ImportCommand.read(directory)).startsWith("{\"id\"");
        assertThat(ImportCommand.read(directory.resolve("services.ndjson"))).startsWith("{\"id\"");
        Path zip = directory.resolve("export.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            entries.putNextEntry(new ZipEntry("../../services.ndjson")); // a path that climbs out is never extracted
            entries.write("{}".getBytes(StandardCharsets.UTF_8));
            entries.closeEntry();
            entries.putNextEntry(new ZipEntry("services.ndjson"));
            entries.write("{\"id\": \"y\"}".getBytes(StandardCharsets.UTF_8));
            entries.closeEntry();
        }
        assertThat(ImportCommand.read(zip)).isEqualTo("{\"id\": \"y\"}");
        assertThat(Files.exists(directory.getParent().getParent().resolve("services.ndjson"))).isFalse();
    }

    @Test
    void whatItCannotReadIsNamed(@TempDir Path directory) throws Exception {
        assertThatThrownBy(() -> ImportCommand.read(directory.resolve("bestaat-niet.json"))).hasMessageContaining("no such file");
        Path zip = directory.resolve("csv-only.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            entries.putNextEntry(new ZipEntry("services.csv"));
            entries.closeEntry();
        }
        assertThatThrownBy(() -> ImportCommand.read(zip)).hasMessageContaining("holds no services.ndjson");
    }
}
