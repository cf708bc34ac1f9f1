package be.hulpwijzer.indexer.search;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** Coordinators and administrators keep the thesaurus; a change works in search at once and is in the audit log. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThesaurusApiTest implements SearchTest {

    private static final String PASSWORD = "een lang genoeg wachtwoord";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    IndexManager indexes;
    @Inject
    Sql sql;

    Api admin;
    Api coordinator;
    long gaming;

    @BeforeEach
    void setUp() throws Exception {
        fixtures.clean();
        admin = Api.admin(client);
        long organisation = admin.post("/api/v1/organisations", organisation("Centrum Zuid")).id();
        gaming = admin.post("/api/v1/organisations/" + organisation + "/modules", """
                {"title": "Hulp bij gameverslaving", "description": "Voor jongeren die de controle over het gamen kwijt zijn.",
                 "type": "behandeling", "setting": "ambulant", "access": "rtj", "ageMinMonths": 144, "ageMaxMonths": 215,
                 "lifeDomains": ["middelengebruik"], "zones": ["brugge"], "languages": ["nl"]}""").id();
        assertThat(admin.post("/api/v1/accounts", """
                {"email": "co@brugge.example", "name": "Co", "password": "%s", "role": "coordinator", "organisations": [],
                 "zones": ["brugge"]}""".formatted(PASSWORD)).status()).isEqualTo(201);
        coordinator = Api.anonymous(client).withAuthorization("Basic " + Base64.getEncoder()
                .encodeToString(("co@brugge.example:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
    }

    private List<Long> found(String q) {
        JsonNode result = admin.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body();
        List<Long> ids = new ArrayList<>();
        result.get("hits").forEach(hit -> ids.add(hit.get("id").asLong()));
        return ids;
    }

    @Test
    void aGroupAddedByACoordinatorWorksAtOnceAndItsRemovalToo() {
        assertThat(found("fortnite-probleem")).isEmpty();
        Api.Reply added = coordinator.post("/api/v1/thesaurus", """
                {"terms": ["fortnite-probleem", "gameverslaving"], "lifeDomain": "middelengebruik"}""");
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        assertThat(added.body().get("source").asText()).contains("co@brugge.example");
        assertThat(found("fortnite-probleem")).as("no rebuild, no wait").containsExactly(gaming);
        JsonNode why = admin.get("/api/v1/search?q=fortnite-probleem").body().at("/hits/0/matched/0");
        assertThat(why.get("via").asText()).isEqualTo("gameverslaving");

        assertThat(coordinator.delete("/api/v1/thesaurus/" + added.id()).status()).isEqualTo(204);
        assertThat(found("fortnite-probleem")).isEmpty();
        assertThat(coordinator.delete("/api/v1/thesaurus/" + added.id()).status()).isEqualTo(404);
        assertThat(sql.column("select actor || ' ' || action from audit_log where entity = 'thesaurus_group' order by id"))
                .containsExactly("co@brugge.example INSERT", "co@brugge.example UPDATE");
    }

    @Test
    void aRemovedShippedGroupNoLongerExpandsASearch() {
        long group = Long.parseLong(sql.column("select id from thesaurus_group where shipped_key = 'blowen'").get(0));
        assertThat(admin.get("/api/v1/search?q=blowen").body().at("/understood/expansions/0/words").size()).isPositive();
        assertThat(admin.delete("/api/v1/thesaurus/" + group).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/search?q=blowen").body().at("/understood/expansions").size()).isZero();
        Api.Reply list = Api.anonymous(client).get("/api/v1/thesaurus");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().size()).isGreaterThan(100);
        assertThat(list.body().toString()).contains("\"schoolverzuim\"").doesNotContain("\"blowen\"");
    }

    @Test
    void aGroupOfOneWordOrWithAnUnknownLifeDomainIsRefusedInDutch() {
        Api.Reply one = coordinator.post("/api/v1/thesaurus", "{\"terms\": [\"alleen\"]}");
        assertThat(one.status()).isEqualTo(400);
        assertThat(one.body().toString()).contains("minstens twee");
        Api.Reply domain = coordinator.post("/api/v1/thesaurus", "{\"terms\": [\"a b\", \"c d\"], \"lifeDomain\": \"ruimtevaart\"}");
        assertThat(domain.status()).isEqualTo(400);
        assertThat(domain.errorFields()).contains("lifeDomain");
    }
}
