package be.hulpwijzer.indexer.hsds;

import be.hulpwijzer.catalogue.api.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an import reads from a file or data package, and the clear error for each kind of bad input. */
class HsdsPackageTest {

    private static final String ORG = "6f0c9a1e-3b2d-4c5e-8f70-1a2b3c4d5e01";
    private static final String SERVICE = "6f0c9a1e-3b2d-4c5e-8f70-1a2b3c4d5e02";
    private static final String TERM = "6f0c9a1e-3b2d-4c5e-8f70-1a2b3c4d5e03";

    /** A small package of CSVs as another Open Referral tool writes it. */
    private static Map<String, String> csvPackage() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("datapackage.json", "{\"name\": \"elders\", \"resources\": []}");
        files.put("organizations.csv", "id,name,description\n" + ORG + ",JAC Oostende,\"Jongeren, vragen\"\n");
        files.put("services.csv", "id,organization_id,name,status,minimum_age,maximum_age\n" + SERVICE + "," + ORG + ",Onthaal,active,12,25\n");
        files.put("taxonomy_terms.csv", "id,name,description,code\n" + TERM + ",Onthaal,Onthaal,onthaal\n");
        files.put("attributes.csv", "id,link_id,taxonomy_term_id,link_entity,link_type\n"
                + "6f0c9a1e-3b2d-4c5e-8f70-1a2b3c4d5e04," + SERVICE + "," + TERM + ",service,module-type\n");
        return files;
    }

    @Test
    void aPackageOfCsvsIsAssembledIntoNestedServices(@TempDir Path directory) throws Exception {
        Path zip = zip(directory.resolve("elders.zip"), csvPackage());
        List<JsonNode> services = HsdsPackage.read(zip, "elders.zip").services();
        assertThat(services).hasSize(1);
        JsonNode service = services.get(0);
        assertThat(service.get("name").asText()).isEqualTo("Onthaal");
        assertThat(service.get("maximum_age").decimalValue()).isEqualByComparingTo("25");
        assertThat(service.at("/organization/name").asText()).isEqualTo("JAC Oostende");
        assertThat(service.at("/attributes/0/taxonomy_term/code").asText()).isEqualTo("onthaal");
        assertThat(HsdsPackage.read(write(directory.resolve("map"), csvPackage()), "map").services()).hasSize(1);
    }

    @Test
    void servicesNdjsonIsReadWhenThePackageHasIt(@TempDir Path directory) throws Exception {
        Map<String, String> files = csvPackage();
        files.put("services.ndjson", "{\"id\": \"" + SERVICE + "\", \"name\": \"Uit ndjson\"}\n");
        assertThat(HsdsPackage.read(zip(directory.resolve("p.zip"), files), "p.zip").services().get(0).get("name").asText()).isEqualTo("Uit ndjson");
        Path json = Files.writeString(directory.resolve("diensten.json"), "[{\"id\": \"" + SERVICE + "\"}]");
        assertThat(HsdsPackage.read(json, "diensten.json").services()).hasSize(1);
    }

    @Test
    void aZipWithoutDescriptorIsNoDataPackage(@TempDir Path directory) throws Exception {
        Map<String, String> files = csvPackage();
        files.remove("datapackage.json");
        assertRefused(zip(directory.resolve("los.zip"), files), "los.zip is geen HSDS-datapakket");
        assertRefused(Files.writeString(directory.resolve("kapot.zip"), "PK\u0003\u0004 dit is geen zip"), "kapot.zip is geen leesbare zip");
    }

    @Test
    void aMissingRequiredColumnIsNamedWithItsFile(@TempDir Path directory) throws Exception {
        Map<String, String> files = csvPackage();
        files.put("services.csv", "id,organization_id,status\n" + SERVICE + "," + ORG + ",active\n");
        assertRefused(zip(directory.resolve("p.zip"), files), "p.zip/services.csv: de verplichte kolom 'name' ontbreekt");
    }

    @Test
    void aBrokenUuidIsNamedWithFileRowAndColumn(@TempDir Path directory) throws Exception {
        Map<String, String> files = csvPackage();
        files.put("services.csv", "id,organization_id,name,status\n" + SERVICE + "," + ORG + ",Onthaal,active\n"
                + "geen-uuid," + ORG + ",Tweede,active\n");
        assertRefused(zip(directory.resolve("p.zip"), files), "p.zip/services.csv, rij 3, kolom id: 'geen-uuid' is geen UUID");
    }

    @Test
    void aForeignKeyThatPointsNowhereIsNamed(@TempDir Path directory) throws Exception {
        Map<String, String> files = csvPackage();
        String elsewhere = "6f0c9a1e-3b2d-4c5e-8f70-00000000ffff";
        files.put("services.csv", "id,organization_id,name,status\n" + SERVICE + "," + elsewhere + ",Onthaal,active\n");
        assertRefused(zip(directory.resolve("p.zip"), files),
                "p.zip/services.csv, rij 2, kolom organization_id: '" + elsewhere + "' verwijst naar een rij van organizations.csv die er niet is");
    }

    @Test
    void aNumberThatIsNoneAndADuplicateIdAreNamed(@TempDir Path directory) throws Exception {
        Map<String, String> files = csvPackage();
        files.put("services.csv", "id,organization_id,name,status,minimum_age\n" + SERVICE + "," + ORG + ",Onthaal,active,twaalf\n");
        assertRefused(zip(directory.resolve("a.zip"), files), "rij 2, kolom minimum_age: 'twaalf' is geen getal");
        files.put("services.csv", "id,organization_id,name,status\n" + SERVICE + "," + ORG + ",Onthaal,active\n"
                + SERVICE + "," + ORG + ",Nog eens,active\n");
        assertRefused(zip(directory.resolve("b.zip"), files), "rij 3, kolom id: de id '" + SERVICE + "' komt twee keer voor");
    }

    @Test
    void aZipWhosePathsClimbOutOfTheFolderIsRefusedWhole(@TempDir Path directory) throws Exception {
        Map<String, String> files = csvPackage();
        files.put("../../etc/cron.d/hulpwijzer", "* * * * * root echo");
        assertRefused(zip(directory.resolve("klim.zip"), files), "'../../etc/cron.d/hulpwijzer' in de zip wijst naar buiten de map");
        Map<String, String> absolute = csvPackage();
        absolute.put("/tmp/hulpwijzer", "x");
        assertRefused(zip(directory.resolve("abs.zip"), absolute), "wijst naar buiten de map");
        assertThat(directory.getParent().getParent().resolve("etc/cron.d/hulpwijzer")).doesNotExist();
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsRead(@TempDir Path directory) throws Exception {
        Path large = directory.resolve("groot.json");
        try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(HsdsPackage.MAX_BYTES + 1); // sparse: takes no disk
        }
        assertRefused(large, "groot.json is groter dan 200 MB");
    }

    @Test
    void aZipThatUnpacksToMoreThanTheLimitIsRefusedWhileReading(@TempDir Path directory) throws Exception {
        Path bomb = directory.resolve("bom.zip");
        try (OutputStream out = Files.newOutputStream(bomb); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("services.ndjson"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (long written = 0; written <= HsdsPackage.MAX_BYTES; written += spaces.length) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).as("small on disk").isLessThan(2 * 1024 * 1024);
        assertRefused(bomb, "bom.zip/services.ndjson is groter dan 200 MB");
    }

    private static void assertRefused(Path path, String message) {
        assertThatThrownBy(() -> HsdsPackage.read(path, path.getFileName().toString()))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors().get(0).message()).contains(message));
    }

    private static Path zip(Path zip, Map<String, String> files) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                entries.putNextEntry(new ZipEntry(file.getKey()));
                entries.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                entries.closeEntry();
            }
        }
        return zip;
    }

    private static Path write(Path directory, Map<String, String> files) throws IOException {
        Files.createDirectories(directory);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue());
        }
        return directory;
    }
}
