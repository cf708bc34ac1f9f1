package be.hulpwijzer.web.nodes;

import be.hulpwijzer.catalogue.db.Leadership;
import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.web.testing.Session;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL, each with its own search index, as behind a load balancer: what is
 * written through one is found through the other within a second, a login on one holds on the other, and work
 * that must happen once is done by one node, then by the other when the first stops.
 */
class TwoNodesTest {

    private EmbeddedServer a;
    private EmbeddedServer b;

    @BeforeEach
    void twoNodesOnOneDatabase() throws Exception {
        a = node();
        a.getApplicationContext().getBean(Fixtures.class).clean();
        b = node();
        assertThat(index(a).awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(index(b).awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
    }

    @AfterEach
    void stop() {
        for (EmbeddedServer node : new EmbeddedServer[]{a, b}) {
            if (node != null && node.isRunning()) {
                node.getApplicationContext().close();
            }
        }
    }

    @Test
    void aWriteThroughOneNodeIsFoundThroughTheOtherWithinASecond() throws Exception {
        Api onA = Api.admin(client(a));
        long organisation = onA.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        long written = onA.post("/api/v1/organisations/" + organisation + "/modules", module("Kortdurende angstbehandeling")).id();

        assertThat(index(b).awaitCaughtUp(Duration.ofSeconds(1))).as("node B follows the change feed within a second").isTrue();
        var found = Api.anonymous(client(b)).get("/api/v1/search?q=angstbehandeling").body();
        assertThat(found.get("hits").get(0).get("id").asLong()).isEqualTo(written);

        onA.put("/api/v1/modules/" + written + "/availability", "{\"state\": \"free\", \"freePlaces\": 2}");
        assertThat(index(b).awaitCaughtUp(Duration.ofSeconds(1))).isTrue();
        assertThat(Api.anonymous(client(b)).get("/api/v1/search?q=angstbehandeling&availableNow=true").body().get("total").asInt())
                .as("an availability written on A is searchable on B").isEqualTo(1);
    }

    @Test
    void aLoginOnOneNodeHoldsOnTheOther() throws Exception {
        Api onA = Api.admin(client(a));
        long organisation = onA.post("/api/v1/organisations", organisation("CGG Brugge")).id();
        onA.post("/api/v1/accounts", "{\"email\": \"an@cgg.example\", \"name\": \"An\", \"password\": \"" + Session.PASSWORD
                + "\", \"role\": \"editor\", \"organisations\": [" + organisation + "]}");
        String cookie = Session.loggedIn(a, "an@cgg.example").jwt();

        HttpResponse<String> onB = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(b.getURL() + "/wachtlijsten"))
                .header("Cookie", "JWT=" + cookie).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("CGG Brugge");
    }

    @Test
    void onlyOneNodeDoesTheWorkThatMustHappenOnceAndTheOtherTakesOverWhenItStops() throws Exception {
        Leadership onA = a.getApplicationContext().getBean(Leadership.class);
        Leadership onB = b.getApplicationContext().getBean(Leadership.class);
        assertThat(onA.leads(Leadership.Job.WAITING_FIGURES)).isTrue();
        assertThat(onB.leads(Leadership.Job.WAITING_FIGURES)).as("A holds the lock").isFalse();
        assertThat(onA.leads(Leadership.Job.WAITING_FIGURES)).as("and keeps it").isTrue();

        a.getApplicationContext().close(); // the node stops: its lock goes with its connection
        assertThat(onB.leads(Leadership.Job.WAITING_FIGURES)).as("B takes the job over at its next round").isTrue();
    }

    @Test
    void aNodeThatLosesItsConnectionLosesTheJobAndAnotherTakesIt() throws Exception {
        Leadership onA = a.getApplicationContext().getBean(Leadership.class);
        Leadership onB = b.getApplicationContext().getBean(Leadership.class);
        assertThat(onA.leads(Leadership.Job.WAITING_FIGURES)).isTrue();
        // what a dead node, a network cut or a PostgreSQL restart does to A's session: it ends
        try (var connection = java.sql.DriverManager.getConnection(be.hulpwijzer.catalogue.testing.TestDatabase.get().jdbcUrl());
             var st = connection.createStatement()) {
            st.execute("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and classid = 18519 and objid = 1");
            // the backend ends asynchronously: wait (bounded) until PostgreSQL has released its lock
            org.awaitility.Awaitility.await("the lock released").atMost(Duration.ofSeconds(10)).until(() -> {
                try (var rs = st.executeQuery("select count(*) from pg_locks where locktype = 'advisory' and classid = 18519 and objid = 1")) {
                    rs.next();
                    return rs.getInt(1) == 0;
                }
            });
        }
        assertThat(onB.leads(Leadership.Job.WAITING_FIGURES)).as("B takes the job").isTrue();
        assertThat(onA.leads(Leadership.Job.WAITING_FIGURES)).as("A notices it lost it, and does not take it back").isFalse();
    }

    private static EmbeddedServer node() {
        Map<String, Object> properties = new java.util.HashMap<>(new SearchTest() { }.getProperties());
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    private static IndexManager index(EmbeddedServer node) {
        return node.getApplicationContext().getBean(IndexManager.class);
    }

    private static HttpClient client(EmbeddedServer node) {
        return node.getApplicationContext().createBean(HttpClient.class, node.getURL());
    }
}
