package be.hulpwijzer.web;

import be.hulpwijzer.catalogue.db.EmbeddedDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The first command of the README: the jar starts on an empty directory and keeps its data across a restart. */
class JarStartIT {

    private static final Map<String, String> ENV = Map.of("HULPWIJZER_ADMIN_TOKEN", "jar-test-token");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void startsOnAnEmptyDirectoryWithTheDemoAndKeepsEditsAcrossARestart(@TempDir Path directory) throws Exception {
        long organisationId;
        try (RunningJar app = RunningJar.start(directory, ENV)) {
            assertThat(get(app, "/health").statusCode()).isEqualTo(200);
            assertThat(json.readTree(get(app, "/api/v1/organisations/1").body()).get("demo").asBoolean()).isTrue();

            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/organisations")))
                    .header("Authorization", "Bearer jar-test-token").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"CAW Proefregio\", \"sector\": \"caw\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            organisationId = json.readTree(created.body()).get("id").asLong();
            int before = app.output.size();
            app.stop();
            assertThat(app.output.subList(before, app.output.size())).as("a clean stop: the application, then the database")
                    .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("Exception"));
        }
        assertThat(Files.isDirectory(directory.resolve("data/postgres"))).isTrue();

        Path backup = directory.resolve("hulpwijzer.backup");
        try (RunningJar again = RunningJar.start(directory, ENV)) {
            JsonNode kept = json.readTree(get(again, "/api/v1/organisations/" + organisationId).body());
            assertThat(kept.get("name").asText()).isEqualTo("CAW Proefregio");
            assertThat(again.output).noneMatch(line -> line.contains("Demo catalogue loaded"));
            assertThat(RunningJar.run(directory, ENV, "backup", backup.toString())).as("online, while it runs").contains("Backed up");
        }

        Path restored = Files.createDirectory(directory.resolve("hersteld"));
        assertThat(RunningJar.run(restored, ENV, "restore", backup.toString())).contains("Restored");
        try (RunningJar back = RunningJar.start(restored, ENV)) {
            assertThat(json.readTree(get(back, "/api/v1/organisations/" + organisationId).body()).get("name").asText())
                    .isEqualTo("CAW Proefregio");
            assertThat(json.readTree(get(back, "/api/v1/search?q=angst").body()).get("total").asInt()).as("the index rebuilt from it")
                    .isPositive();
            assertThat(back.output).noneMatch(line -> line.contains("Demo catalogue loaded"));
        }
        assertThatThrownBy(() -> RunningJar.run(restored, ENV, "restore", backup.toString()))
                .hasMessageContaining("already holds a database");
    }

    /** A page of fully nested services, in the middle of the demo catalogue. */
    private static final String PAGE = "/api/hsds/services?full=true&per_page=50&page=7";
    private static final String ORGANIZATIONS = "/api/hsds/organizations?per_page=100&page=2";

    @Test
    void anEmptyInstanceIsFilledFromAnExportWithOneCommandAndPublishesTheSameServices(@TempDir Path directory) throws Exception {
        Path source = Files.createDirectory(directory.resolve("bron"));
        String page;
        String organizations;
        try (RunningJar demo = RunningJar.start(source, ENV)) {
            page = get(demo, PAGE).body();
            organizations = get(demo, ORGANIZATIONS).body();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(demo.url("/api/hsds/export.zip"))).build(),
                    HttpResponse.BodyHandlers.ofFile(directory.resolve("hulpwijzer-hsds.zip"))).statusCode()).isEqualTo(200);
        }
        Path empty = Files.createDirectory(directory.resolve("leeg"));
        Map<String, String> noDemo = Map.of("HULPWIJZER_DEMO_DATA", "false");
        String output = RunningJar.run(empty, noDemo, "import-hsds", directory.resolve("hulpwijzer-hsds.zip").toString());
        assertThat(output).contains("Imported").contains("0 updated, 0 unchanged");
        try (RunningJar filled = RunningJar.start(empty, noDemo)) {
            assertThat(json.readTree(get(filled, PAGE).body())).as("the same ids and values").isEqualTo(json.readTree(page));
            assertThat(json.readTree(get(filled, ORGANIZATIONS).body())).as("organizations with their engagements")
                    .isEqualTo(json.readTree(organizations));
        }
    }

    @Test
    void startsEmptyWhenDemoDataIsSwitchedOff(@TempDir Path directory) throws Exception {
        try (RunningJar app = RunningJar.start(directory, Map.of("HULPWIJZER_DEMO_DATA", "false"))) {
            assertThat(get(app, "/api/v1/organisations/1").statusCode()).isEqualTo(404);
            assertThat(get(app, "/api/v1/reference/zones").body()).contains("westhoek");
        }
    }

    @Test
    void usesTheConfiguredExternalPostgresInsteadOfAnEmbeddedOne(@TempDir Path directory) throws Exception {
        try (EmbeddedDatabase external = EmbeddedDatabase.start(directory.resolve("external"))) {
            Map<String, String> env = Map.of("DATASOURCES_DEFAULT_URL", external.jdbcUrl().replaceAll("\\?.*", ""),
                    "DATASOURCES_DEFAULT_USERNAME", EmbeddedDatabase.USER, "DATASOURCES_DEFAULT_PASSWORD", "",
                    "HULPWIJZER_DEMO_DATA", "false", "HULPWIJZER_ADMIN_TOKEN", "jar-test-token");
            Path workingDirectory = Files.createDirectory(directory.resolve("app"));
            try (RunningJar app = RunningJar.start(workingDirectory, env);
                 RunningJar second = RunningJar.start(Files.createDirectory(directory.resolve("second")), env)) {
                assertThat(get(app, "/health").statusCode()).isEqualTo(200);
                assertThat(app.output).noneMatch(line -> line.contains("Starting embedded PostgreSQL"));
                assertThat(aLoginOnOneHoldsOnTheOther(app, second)).as("the two nodes share the secret kept in the database")
                        .isEqualTo(200);
            }
            assertThat(workingDirectory.resolve("data/postgres")).doesNotExist();
            assertThat(workingDirectory.resolve("data/index")).isDirectory();
            try (var connection = java.sql.DriverManager.getConnection(external.jdbcUrl());
                 var rs = connection.createStatement().executeQuery("select count(*) from zone")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(64);
            }
        }
    }

    /** Logs in on one node and asks a page for editors of the other with the cookie; the page's status. */
    private int aLoginOnOneHoldsOnTheOther(RunningJar one, RunningJar other) throws Exception {
        HttpResponse<String> organisation = http.send(HttpRequest.newBuilder(URI.create(one.url("/api/v1/organisations")))
                .header("Authorization", "Bearer jar-test-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"CAW Proefregio\", \"sector\": \"caw\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        long id = json.readTree(organisation.body()).get("id").asLong();
        http.send(HttpRequest.newBuilder(URI.create(one.url("/api/v1/accounts")))
                .header("Authorization", "Bearer jar-test-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"an@caw.example\", \"name\": \"An\", \"password\": "
                        + "\"een lang genoeg wachtwoord\", \"role\": \"editor\", \"organisations\": [" + id + "]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(one.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", one.url(""))
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("username=an%40caw.example&password=een+lang+genoeg+wachtwoord")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JWT="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow(() -> new AssertionError("no login: " + login.statusCode()));
        return http.send(HttpRequest.newBuilder(URI.create(other.url("/wachtlijsten"))).header("Cookie", cookie)
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private HttpResponse<String> get(RunningJar app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
