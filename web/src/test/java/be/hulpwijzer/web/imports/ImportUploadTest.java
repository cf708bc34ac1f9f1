package be.hulpwijzer.web.imports;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.indexer.testing.SearchTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/** An administrator uploads an HSDS data package (a zip) as a file, as the packaged application is configured. */
@MicronautTest(transactional = false)
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class ImportUploadTest implements SearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "hulpwijzer-test-boundary";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    byte[] exported;
    String organizations;

    @BeforeEach
    void anExportFromAnotherInstance() {
        fixtures.clean();
        Api admin = Api.admin(client);
        long cgg = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        long angst = admin.post("/api/v1/organisations/" + cgg + "/modules", module("Angstbehandeling")).id();
        admin.post("/api/v1/organisations/" + cgg + "/engagements", "{\"title\": \"Snel een eerste gesprek voor het netwerk\", "
                + "\"zones\": [\"brugge\"], \"validFrom\": \"2026-01-01\", \"capacityPerMonth\": 4, \"responseTimeDays\": 5, "
                + "\"contactName\": \"An Peeters\", \"moduleIds\": [" + angst + "]}");
        organizations = client.toBlocking().retrieve("/api/hsds/organizations");
        exported = client.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/hsds/export.zip"), byte[].class);
        fixtures.clean();
    }

    @Test
    void anUploadedExportFillsAnEmptyInstanceAndAgainChangesNothing() throws Exception {
        HttpResponse<String> first = upload(Api.ADMIN_TOKEN, "hulpwijzer-export.zip", () -> new ByteArrayInputStream(exported));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).get("created").asInt()).as("an organisation, a service, an engagement").isEqualTo(3);
        assertThat(JSON.readTree(client.toBlocking().retrieve("/api/hsds/organizations")))
                .as("the organisation and its engagement (x_engagements), with the same ids").isEqualTo(JSON.readTree(organizations));
        HttpResponse<String> again = upload(Api.ADMIN_TOKEN, "hulpwijzer-export.zip", () -> new ByteArrayInputStream(exported));
        JsonNode report = JSON.readTree(again.body());
        assertThat(report.get("created").asInt() + report.get("updated").asInt()).isZero();
        assertThat(report.get("unchanged").asInt()).isEqualTo(3);
    }

    @Test
    void aPackageOfSeveralMegabytesIsAccepted() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(exported));
             var out = new java.util.zip.ZipOutputStream(bytes)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new java.util.zip.ZipEntry("README-van-de-bron.txt"));
            byte[] noise = new byte[5 * 1024 * 1024];
            new java.util.Random(7).nextBytes(noise); // does not compress: the upload is over 5 MB
            out.write(noise);
            out.closeEntry();
        }
        assertThat(bytes.size()).isGreaterThan(5 * 1024 * 1024);
        HttpResponse<String> accepted = upload(Api.ADMIN_TOKEN, "groot.zip", () -> new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWith413AndAMessageAPersonUnderstands() throws Exception {
        long size = 201L * 1024 * 1024;
        HttpResponse<String> refused = upload(Api.ADMIN_TOKEN, "te-groot.zip", () -> new ZeroStream(size));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("200 MB").doesNotContain("Exception");
        assertThat(Api.admin(client).get("/api/v1/organisations?size=1").body().toString()).doesNotContain("CGG");
    }

    @Test
    void everyOtherBodyIsStillHeldToOneMegabyte() throws Exception {
        String big = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        for (String path : List.of("/api/v1/organisations", "/api/v1/imports")) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .header("Authorization", "Bearer " + Api.ADMIN_TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(big)));
            assertThat(refused.statusCode()).as(path).isEqualTo(413);
        }
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/organisations"))
                .header("Authorization", "Bearer " + Api.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        assertThat(chunked.statusCode()).as("a body of unannounced length").isIn(411, 413);
        assertThat(chunked.body()).contains("Content-Length");
    }

    @Test
    void onlyAnAdministratorMayUpload() throws Exception {
        assertThat(upload(null, "hulpwijzer-export.zip", () -> new ByteArrayInputStream(exported)).statusCode()).isEqualTo(401);
        Api admin = Api.admin(client);
        long ours = admin.post("/api/v1/organisations", organisation("CAW Gent")).id();
        String token = admin.post("/api/v1/organisations/" + ours + "/tokens", "{\"label\": \"ons\"}").body().get("token").asText();
        assertThat(upload(token, "hulpwijzer-export.zip", () -> new ByteArrayInputStream(exported)).statusCode())
                .as("an organisation's token").isEqualTo(403);
        assertThat(Api.admin(client).get("/api/v1/organisations?size=10").body().toString()).doesNotContain("CGG Brugge");
    }

    /** A multipart upload streamed from the source, so a large file never sits in the test's memory. */
    private HttpResponse<String> upload(String token, String filename, Supplier<InputStream> file) throws Exception {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(java.util.Collections.enumeration(
                        List.of(new ByteArrayInputStream(head), file.get(), new ByteArrayInputStream(tail))))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError("the server closed the connection instead of answering", e);
        }
    }

    /** {@code size} zero bytes, made as they are read. */
    private static final class ZeroStream extends InputStream {
        private long left;

        ZeroStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
