package be.hulpwijzer.catalogue.security;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.PostgresTest;
import be.hulpwijzer.catalogue.testing.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** Every change is in the audit log with who made it, and what it was before and after. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogTest implements PostgresTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;

    Api admin;
    long organisation;
    long module;

    @BeforeEach
    void setUp() {
        fixtures.clean();
        admin = Api.admin(client);
        organisation = admin.post("/api/v1/organisations", organisation("CKG De Vlinder")).id();
        module = admin.post("/api/v1/organisations/" + organisation + "/modules", module("Mobiele gezinsondersteuning")).id();
    }

    @Test
    void recordsWhoChangedWhatBeforeAndAfter() {
        Api.Reply token = admin.post("/api/v1/organisations/" + organisation + "/tokens", "{\"label\": \"wachtlijstsysteem\"}");
        Api viaToken = admin.withToken(token.body().get("token").asText());
        assertThat(viaToken.put("/api/v1/modules/" + module + "/availability", "{\"state\": \"waiting\", \"waiting\": 3, \"expectedWaitDays\": 40}").status()).isEqualTo(200);
        assertThat(viaToken.put("/api/v1/modules/" + module + "/availability", "{\"version\": 0, \"state\": \"free\", \"freePlaces\": 1}").status()).isEqualTo(200);
        sql.run("update module set title = 'Gewijzigd buiten de toepassing' where id = " + module);

        JsonNode log = admin.get("/api/v1/organisations/" + organisation + "/audit").body();
        List<String> lines = new ArrayList<>();
        log.forEach(change -> lines.add(change.get("actor").asText() + " " + change.get("action").asText() + " "
                + change.get("entity").asText()));
        assertThat(lines).containsSequence(
                "database UPDATE module",
                "token " + token.id() + " (wachtlijstsysteem) UPDATE availability",
                "token " + token.id() + " (wachtlijstsysteem) INSERT availability");
        assertThat(lines).contains("administrator INSERT module", "administrator INSERT organisation",
                "administrator INSERT api_token");
        JsonNode update = log.get(1);
        assertThat(update.at("/before/state").asText()).isEqualTo("waiting");
        assertThat(update.at("/after/state").asText()).isEqualTo("free");
        assertThat(update.at("/after/free_places").asInt()).isEqualTo(1);
    }

    @Test
    void tokenHashesNeverReachTheLogNeitherWhenMadeNorWhenRevoked() {
        Api.Reply token = admin.post("/api/v1/organisations/" + organisation + "/tokens", "{\"label\": \"wachtlijstsysteem\"}");
        assertThat(admin.delete("/api/v1/organisations/" + organisation + "/tokens/" + token.id()).status()).isEqualTo(204);
        String hash = sql.column("select token_hash from api_token where id = " + token.id()).get(0);
        String logged = String.join("", sql.column("select coalesce(before::text, '') || coalesce(after::text, '') from audit_log"));
        assertThat(logged).contains("wachtlijstsysteem").doesNotContain(hash).doesNotContain("token_hash");
    }

    @Test
    void aRefusedWriteLeavesNoTraceAndPasswordsNeverReachTheLog() {
        int before = admin.get("/api/v1/organisations/" + organisation + "/audit").body().size();
        assertThat(admin.put("/api/v1/modules/" + module, Fixtures.withVersion(module("Nieuwe titel"), 7)).status()).isEqualTo(409);
        assertThat(admin.put("/api/v1/modules/" + module, "{\"title\": \"\"}").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/organisations/" + organisation + "/audit").body().size()).isEqualTo(before);

        admin.post("/api/v1/accounts", "{\"email\": \"an@vlinder.example\", \"name\": \"An\", \"password\": \"een geheim wachtwoord\", "
                + "\"role\": \"editor\", \"organisations\": [" + organisation + "]}");
        assertThat(String.join("", sql.column("select coalesce(before::text, '') || coalesce(after::text, '') from audit_log"))).doesNotContain("een geheim wachtwoord").doesNotContain("$2a$").doesNotContain("password_hash");
    }

    @Test
    void editorsReadOnlyTheirOwnOrganisationsLog() {
        long other = admin.post("/api/v1/organisations", organisation("CKG Ander").replace("0403.170.701", "0412.345.614")).id();
        admin.post("/api/v1/accounts", "{\"email\": \"an@vlinder.example\", \"name\": \"An\", \"password\": \"een geheim wachtwoord\", "
                + "\"role\": \"editor\", \"organisations\": [" + organisation + "]}");
        Api editor = admin.withToken(null);
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("an@vlinder.example:een geheim wachtwoord".getBytes());
        assertThat(get(basic, "/api/v1/organisations/" + organisation + "/audit")).isEqualTo(200);
        assertThat(get(basic, "/api/v1/organisations/" + other + "/audit")).isEqualTo(403);
        assertThat(editor.get("/api/v1/organisations/" + organisation + "/audit").status()).isEqualTo(401);
    }

    private int get(String authorization, String path) {
        try {
            return client.toBlocking().exchange(io.micronaut.http.HttpRequest.GET(path).header("Authorization", authorization)).code();
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
