package be.hulpwijzer.seed.demo;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void sameSeedWritesTheSameCatalogueAndAnotherSeedAnotherOne() {
        assertThat(generate(7)).isEqualTo(generate(7)).isNotEqualTo(generate(8));
    }

    @Test
    void modulesAreSpreadOverOrganisationsAsAsked() {
        CatalogueGenerator.Batch batch = new CatalogueGenerator.Batch();
        CatalogueGenerator generator = new CatalogueGenerator(Templates.load(), new Places(), 1, NOW, false);
        CatalogueGenerator.Ids ids = new CatalogueGenerator.Ids(0, 0, 0);
        for (int i = 1; i <= 50; i++) {
            generator.organisation(i, 10, ids, batch);
        }
        assertThat(batch.organisations.count()).isEqualTo(50);
        assertThat(batch.modules.count()).isEqualTo(500);
    }

    @Test
    void anOrganisationTakesOnlyEngagementsOfItsKindOfHelp() throws IOException {
        CatalogueGenerator.Batch batch = new CatalogueGenerator.Batch();
        CatalogueGenerator generator = new CatalogueGenerator(Templates.load(), new Places(), 3, NOW, false);
        CatalogueGenerator.Ids ids = new CatalogueGenerator.Ids(0, 0, 0);
        for (int i = 1; i <= 400; i++) {
            generator.organisation(i, 1, ids, batch);
        }
        Map<String, String> sectorOf = new HashMap<>();
        rows(batch.organisations).forEach(r -> sectorOf.put(r.get(0), r.get(2)));
        List<CSVRecord> engagements = rows(batch.engagements);
        assertThat(engagements).hasSizeGreaterThan(100);
        for (CSVRecord engagement : engagements) {
            String title = engagement.get(2);
            if (title.contains("budgetvragen")) {
                assertThat(sectorOf.get(engagement.get(1))).as(title).isIn("caw", "ocmw", "ziekenfonds");
            }
            if (title.contains("1G1P")) {
                assertThat(sectorOf.get(engagement.get(1))).as(title).isNotIn("caw", "ocmw", "ziekenfonds", "clb");
            }
        }
    }

    @Test
    void fictionalEnterpriseNumbersPassTheMod97Check() {
        for (long id = 1; id < 5000; id += 37) {
            String number = CatalogueGenerator.enterpriseNumber(id);
            long base = Long.parseLong(number.substring(0, 8));
            assertThat(number).matches("1[0-9]{9}");
            assertThat(97 - base % 97).isEqualTo(Long.parseLong(number.substring(8)));
        }
    }

    private static List<CSVRecord> rows(CopyRows rows) throws IOException {
        return CSVFormat.DEFAULT.parse(new StringReader(rows.text())).getRecords();
    }

    private static String generate(long seed) {
        CatalogueGenerator.Batch batch = new CatalogueGenerator.Batch();
        CatalogueGenerator generator = new CatalogueGenerator(Templates.load(), new Places(), seed, NOW, true);
        CatalogueGenerator.Ids ids = new CatalogueGenerator.Ids(0, 0, 0);
        for (int i = 1; i <= 20; i++) {
            generator.organisation(i, 4, ids, batch);
        }
        StringBuilder all = new StringBuilder();
        batch.inOrder().forEach(rows -> all.append(rows.text()));
        return all.toString();
    }
}
