package be.hulpwijzer.seed.demo;

import org.junit.jupiter.api.Test;

import java.time.Instant;

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
    void fictionalEnterpriseNumbersPassTheMod97Check() {
        for (long id = 1; id < 5000; id += 37) {
            String number = CatalogueGenerator.enterpriseNumber(id);
            long base = Long.parseLong(number.substring(0, 8));
            assertThat(number).matches("1[0-9]{9}");
            assertThat(97 - base % 97).isEqualTo(Long.parseLong(number.substring(8)));
        }
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
