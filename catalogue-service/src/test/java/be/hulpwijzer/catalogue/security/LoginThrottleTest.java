package be.hulpwijzer.catalogue.security;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.catalogue.testing.PostgresTest;
import be.hulpwijzer.catalogue.testing.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins slow the one who fails, per (e-mail, address) and per address, and never lock a person out
 * from their own address. The test client stands behind a trusted proxy (loopback), so that each request
 * can come from another client address.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleTest implements PostgresTest {

    private static final String PASSWORD = "een lang genoeg wachtwoord";
    private static final String STRANGER = "203.0.113.7";
    private static final String OWNER = "198.51.100.20";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;

    long organisation;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(PostgresTest.super.getProperties());
        properties.put("hulpwijzer.trusted-proxies", "127.0.0.1");
        return properties;
    }

    @BeforeEach
    void setUp() {
        fixtures.clean();
        sql.run("truncate login_throttle");
        Api admin = Api.admin(client);
        organisation = admin.post("/api/v1/organisations", organisation("CAW Brugge")).id();
        for (String email : new String[]{"an@caw.example", "bo@caw.example"}) {
            assertThat(admin.post("/api/v1/accounts", "{\"email\": \"" + email + "\", \"name\": \"X\", \"password\": \"" + PASSWORD
                    + "\", \"role\": \"editor\", \"organisations\": [" + organisation + "]}").status()).isEqualTo(201);
        }
    }

    @Test
    void theDelayGrowsFromOneSecondAfterTheFreeFailuresUpToFifteenMinutes() {
        LoginThrottle.Rule rule = LoginThrottle.PAIR;
        assertThat(rule.delay(rule.free() - 1)).isZero();
        assertThat(rule.delay(rule.free())).isEqualTo(Duration.ofSeconds(1));
        assertThat(rule.delay(rule.free() + 3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(rule.delay(rule.free() + 40)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aGuesserWaitsButTheOwnerFromTheirOwnAddressIsNeverLockedOut() {
        for (int i = 0; i < 40; i++) {
            assertThat(login("an@caw.example", "fout " + i, STRANGER)).isEqualTo(401);
        }
        // as if the last failure were just now: on a busy machine the wait can pass during the loop
        sql.run("update login_throttle set last_failure = now()");
        assertThat(login("an@caw.example", PASSWORD, STRANGER)).as("the guesser waits, even with the right password").isEqualTo(401);
        assertThat(login("an@caw.example", PASSWORD, OWNER)).as("the owner elsewhere signs in").isEqualTo(200);
    }

    @Test
    void sprayingOnePasswordOverManyAccountsFromOneAddressWaitsToo() {
        for (int i = 0; i < LoginThrottle.ADDRESS.free() + 2; i++) {
            assertThat(login("persoon" + i + "@caw.example", "zomer2026", STRANGER)).isEqualTo(401);
        }
        // as if the last failure were just now: on a slow machine the few seconds' wait can pass during the loop
        sql.run("update login_throttle set last_failure = now()");
        assertThat(login("bo@caw.example", PASSWORD, STRANGER)).as("the sprayer's address waits").isEqualTo(401);
        assertThat(login("bo@caw.example", PASSWORD, OWNER)).as("everyone else signs in").isEqualTo(200);
    }

    @Test
    void theWaitEndsByItselfAndARightPasswordClearsTheCount() {
        for (int i = 0; i < LoginThrottle.PAIR.free(); i++) {
            assertThat(login("an@caw.example", "fout " + i, OWNER)).isEqualTo(401);
        }
        assertThat(login("an@caw.example", PASSWORD, OWNER)).as("waiting").isEqualTo(401);
        sql.run("update login_throttle set last_failure = last_failure - interval '2 seconds'");
        assertThat(login("an@caw.example", PASSWORD, OWNER)).as("the wait is over").isEqualTo(200);
        assertThat(login("an@caw.example", "fout", OWNER)).isEqualTo(401);
        assertThat(login("an@caw.example", PASSWORD, OWNER)).as("the count started again").isEqualTo(200);
        assertThat(sql.column("select key from login_throttle")).allMatch(k -> k.matches("(pair|address):[0-9a-f]{64}"))
                .noneMatch(k -> k.contains(OWNER) || k.contains("caw"));
    }

    @Test
    void anUnknownAccountOrAWaitingOneAnswersNoFasterThanAWrongPassword() {
        for (int i = 0; i < 40; i++) {
            login("an@caw.example", "fout " + i, STRANGER);
        }
        long wrong = median(() -> login("bo@caw.example", "fout", "192.0.2.1"));
        long unknown = median(() -> login("niemand@caw.example", "fout", "192.0.2.2"));
        long waiting = median(() -> login("an@caw.example", "fout", STRANGER));
        // each does one bcrypt comparison (about 200 ms at cost 12); before, the last two took 8-20 ms
        assertThat(unknown).isGreaterThan(wrong / 2);
        assertThat(waiting).isGreaterThan(wrong / 2);
    }

    private static long median(java.util.function.IntSupplier attempt) {
        long[] nanos = new long[5];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            attempt.getAsInt();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[2];
    }

    private int login(String email, String password, String address) {
        HttpRequest<?> request = HttpRequest.GET("/api/v1/organisations/" + organisation + "/to-confirm")
                .header("X-Forwarded-For", address)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
        try {
            return client.toBlocking().exchange(request).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
