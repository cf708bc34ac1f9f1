package be.hulpwijzer.web.security;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.web.testing.Session;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static be.hulpwijzer.web.testing.Session.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions end when people end them, logins cannot be forged from another site, the CSRF check cannot be
 * switched off, private answers are not stored, and behind a trusted HTTPS proxy cookies are Secure.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSecurityTest implements SearchTest {

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;

    long module;
    long organisation;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(SearchTest.super.getProperties());
        properties.put("hulpwijzer.trusted-proxies", "127.0.0.1");
        return properties;
    }

    @BeforeEach
    void setUp() {
        fixtures.clean();
        Api admin = Api.admin(client);
        organisation = admin.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        module = admin.post("/api/v1/organisations/" + organisation + "/modules", module("Consult")).id();
        assertThat(admin.post("/api/v1/accounts", "{\"email\": \"an@cgg.example\", \"name\": \"An\", \"password\": \""
                + Session.PASSWORD + "\", \"role\": \"editor\", \"organisations\": [" + organisation + "]}").status()).isEqualTo(201);
    }

    @Test
    void aCookieCopiedBeforeLogoutNoLongerWorksAfterItNeitherAsCookieNorAsBearer() {
        Session session = Session.loggedIn(server, "an@cgg.example");
        String jwt = session.jwt();
        assertThat(withCookie(jwt, "/wachtlijsten").statusCode()).isEqualTo(200);
        assertThat(session.post("/logout", "").statusCode()).isEqualTo(303);
        assertThat(withCookie(jwt, "/wachtlijsten").statusCode()).as("replayed cookie").isEqualTo(303);
        assertThat(withBearer(jwt)).as("replayed as Bearer").isEqualTo(401);
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAndKeepsThisOne() {
        Session here = Session.loggedIn(server, "an@cgg.example");
        Session elsewhere = Session.loggedIn(server, "an@cgg.example");
        String stolen = elsewhere.jwt();
        String next = "een nieuw en lang wachtwoord";
        HttpResponse<String> changed = here.post("/account/wachtwoord", "_csrf=" + here.csrf("/account/wachtwoord")
                + "&currentPassword=" + encode(Session.PASSWORD) + "&newPassword=" + encode(next));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(here.get("/wachtlijsten").statusCode()).isEqualTo(200);
        assertThat(elsewhere.get("/wachtlijsten").statusCode()).isEqualTo(303);
        assertThat(withBearer(stolen)).isEqualTo(401);
    }

    @Test
    void aLoginOrLogoutPostedFromAnotherSiteOrWithoutOriginIsRefused() {
        String form = "username=an%40cgg.example&password=" + encode(Session.PASSWORD);
        assertThat(raw("POST", "/login", form, "Origin", "https://aanvaller.example").statusCode()).isEqualTo(403);
        assertThat(raw("POST", "/login", form, "Referer", "https://aanvaller.example/pagina").statusCode()).isEqualTo(403);
        assertThat(raw("POST", "/login", form).statusCode()).as("no origin at all").isEqualTo(403);
        assertThat(raw("POST", "/login", form, "Origin", "null").statusCode()).isEqualTo(403);
        HttpResponse<String> ours = raw("POST", "/login", form, "Origin", origin());
        assertThat(ours.statusCode()).isEqualTo(303);
        assertThat(ours.headers().firstValue("Location").orElse("")).endsWith("/wachtlijsten");

        Session session = Session.loggedIn(server, "an@cgg.example");
        assertThat(raw("POST", "/logout", "", "Cookie", "JWT=" + session.jwt(), "Origin", "https://aanvaller.example").statusCode())
                .isEqualTo(403);
        assertThat(session.get("/wachtlijsten").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void anAuthorizationHeaderBesideTheCookieDoesNotSwitchTheCsrfCheckOff() {
        Session session = Session.loggedIn(server, "an@cgg.example");
        String path = "/api/v1/modules/" + module + "/availability";
        String body = "{\"state\": \"free\", \"freePlaces\": 2}";
        assertThat(session.json("PUT", path, body, "Authorization", "Basic Z2FyYmFnZQ==").statusCode()).isEqualTo(403);
        assertThat(session.json("PUT", path, body, "Authorization", "Bearer rommel").statusCode()).isEqualTo(403);
        assertThat(session.json("PUT", path, body, "X-CSRF-Token", session.csrf("/account/wachtwoord")).statusCode()).isEqualTo(200);
    }

    @Test
    void privateAnswersAreNotStoredAndPublicOnesMayBe() {
        Session session = Session.loggedIn(server, "an@cgg.example");
        assertThat(session.get("/wachtlijsten").headers().firstValue("Cache-Control").orElse("")).isEqualTo("no-store");
        assertThat(withBearer(Api.ADMIN_TOKEN)).isEqualTo(200);
        assertThat(raw("GET", "/api/v1/organisations/" + organisation + "/audit", null, "Authorization", "Bearer " + Api.ADMIN_TOKEN)
                .headers().firstValue("Cache-Control").orElse("")).isEqualTo("no-store");
        assertThat(new Session(server).get("/methodieken").headers().firstValue("Cache-Control").orElse("")).isNotEqualTo("no-store");
    }

    @Test
    void behindATrustedHttpsProxyCookiesAreSecureAndHstsIsSent() {
        String form = "username=an%40cgg.example&password=" + encode(Session.PASSWORD);
        HttpResponse<String> proxied = raw("POST", "/login", form, "Origin", origin(), "X-Forwarded-Proto", "https");
        assertThat(proxied.headers().firstValue("Strict-Transport-Security").orElse("")).startsWith("max-age=");
        assertThat(proxied.headers().allValues("Set-Cookie")).isNotEmpty().allMatch(c -> c.contains("; Secure"));
        HttpResponse<String> plain = raw("POST", "/login", form, "Origin", origin());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
    }

    private String origin() {
        return server.getURL().toString().replaceAll("/$", "");
    }

    private HttpResponse<String> withCookie(String jwt, String path) {
        return raw("GET", path, null, "Cookie", "JWT=" + jwt, "Accept", "text/html");
    }

    /** A private read with the token as Bearer: 200 while it is good, 401 when it is not. */
    private int withBearer(String token) {
        return raw("GET", "/api/v1/organisations/" + organisation + "/to-confirm", null, "Authorization", "Bearer " + token).statusCode();
    }

    private HttpResponse<String> raw(String method, String path, String form, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            builder.header("Content-Type", "application/x-www-form-urlencoded");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return java.net.http.HttpClient.newBuilder().followRedirects(Redirect.NEVER).build()
                    .send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
