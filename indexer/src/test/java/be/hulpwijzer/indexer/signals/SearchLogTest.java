package be.hulpwijzer.indexer.signals;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.Sql;
import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.testing.SearchTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** Searches are logged as what was asked and found, and nothing that could name a person is kept. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchLogTest implements SearchTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;
    @Inject
    IndexManager indexes;
    @Inject
    SearchLog log;

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        fixtures.clean();
        log.flush();
        sql.run("truncate search_log");
        api = Api.admin(client);
        long organisation = api.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        long module = api.post("/api/v1/organisations/" + organisation + "/modules", module("Angstbehandeling")).id();
        api.put("/api/v1/modules/" + module + "/availability", "{\"state\": \"waiting\", \"waiting\": 3, \"expectedWaitDays\": 40}");
        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void theLogKeepsNoNamesAddressesNumbersOrStories() {
        String[] personal = {"Jan Peeters angst", "an.peeters@telenet.be", "0475 12 34 56", "+32475123456",
                "85.07.30-033.28", "85073003328", "Kerkstraat 12 Brugge",
                "mijn zoon Tom is bang en slaapt niet meer sinds de scheiding", "Mohammed El Amrani",
                "roos.bakker@telenet.be angst", "roos bakker", "visser vos", "https://www.vos.be/jan angst", "jan.visser.be"};
        for (String q : personal) {
            assertThat(api.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).status()).isEqualTo(200);
        }
        log.flush();
        String stored = String.join(" ", sql.column("select array_to_string(terms, ' ') || ' ' || array_to_string(zones, ' ') "
                + "|| ' ' || array_to_string(unknown_words, ' ') from search_log"));
        assertThat(sql.column("select count(*) from search_log")).containsExactly(String.valueOf(personal.length));
        for (String fragment : new String[]{"jan", "peeters", "telenet", "0475", "475", "85", "033", "kerkstraat", "12",
                "tom", "zoon", "scheiding", "mohammed", "amrani", "el", "roos", "bakker", "visser", "vos", "www", "be", "https"}) {
            assertThat(stored.split("\\s+")).as(fragment).doesNotContain(fragment);
        }
        assertThat(stored).contains("angst");
        assertThat(sql.column("select column_name from information_schema.columns where table_name = 'search_log'"))
                .doesNotContain("ip", "user_agent", "session", "account", "q", "text");
    }

    @Test
    void searchesThatFindNoRoomBecomeSignals() {
        for (int i = 0; i < 3; i++) {
            api.get("/api/v1/search?q=angst&zone=westhoek&domain=psychisch-welzijn&age=15");
        }
        api.get("/api/v1/search?q=angst&zone=brugge&age=15");
        api.get("/api/v1/search?q=angst&zone=brugge&age=15&page=2");

        JsonNode signals = api.get("/api/v1/reports/signals").body();
        assertThat(signals.get(0).get("zones").toString()).contains("westhoek");
        assertThat(signals.get(0).get("ageBand").asText()).isEqualTo("12-17");
        assertThat(signals.get(0).get("searches").asInt()).isEqualTo(3);
        assertThat(signals.get(0).get("withoutResults").asInt()).isEqualTo(3);
        JsonNode brugge = signals.get(1);
        assertThat(brugge.get("searches").asInt()).as("the second page is not another search").isEqualTo(1);
        assertThat(brugge.get("withoutResults").asInt()).isZero();
        assertThat(brugge.get("withoutRoomNow").asInt()).isEqualTo(1);

        assertThat(Api.anonymous(client).get("/api/v1/reports/signals").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/reports/signals?from=gisteren").status()).isEqualTo(400);
    }

    @Inject
    Signals signals;

    @Test
    void wordsBesideANeedThatNothingUnderstoodShowOnceSeveralSearchesUsedThem() {
        for (int i = 0; i < 3; i++) {
            api.get("/api/v1/search?q=" + URLEncoder.encode("angst paardrijden", StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 2; i++) {
            api.get("/api/v1/search?q=" + URLEncoder.encode("angst zwemles", StandardCharsets.UTF_8));
        }
        // alone, a word that finds nothing may be a person searched for: never kept
        for (int i = 0; i < 3; i++) {
            api.get("/api/v1/search?q=" + URLEncoder.encode("zwemles", StandardCharsets.UTF_8));
            api.get("/api/v1/search?q=" + URLEncoder.encode("angst roos", StandardCharsets.UTF_8));
        }
        java.time.YearMonth now = java.time.YearMonth.now();
        assertThat(signals.unknownWords(new be.hulpwijzer.catalogue.report.Region("overal", java.util.List.of(), now, now), 10))
                .containsExactly(new Signals.UnknownWord("paardrijden", 3));
        assertThat(sql.column("select array_to_string(unknown_words, ' ') from search_log where cardinality(unknown_words) > 0"))
                .as("a word the dictionary also knows as a name (Roos) is never kept").doesNotContain("roos");
    }
}
