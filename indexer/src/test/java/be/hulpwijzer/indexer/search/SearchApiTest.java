package be.hulpwijzer.indexer.search;

import be.hulpwijzer.catalogue.testing.Api;
import be.hulpwijzer.catalogue.testing.Fixtures;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static be.hulpwijzer.catalogue.testing.Fixtures.module;
import static be.hulpwijzer.catalogue.testing.Fixtures.organisation;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest implements SearchTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    IndexManager indexes;

    Api api;
    long cgg;
    long anxiety;
    long toddlers;
    long crisis;

    @BeforeEach
    void setUp() throws Exception {
        fixtures.clean();
        api = Api.admin(client);
        cgg = api.post("/api/v1/organisations", organisation("CGG Noord-West-Vlaanderen")).id();
        anxiety = api.post("/api/v1/organisations/" + cgg + "/modules", module("Angstbehandeling voor tieners")).id();
        toddlers = api.post("/api/v1/organisations/" + cgg + "/modules", """
                {"title": "Spelbegeleiding voor peuters", "description": "Contextbegeleiding voor gezinnen met peuters die slecht slapen.",
                 "type": "contextbegeleiding", "setting": "mobiel", "access": "nrtj", "ageMinMonths": 12, "ageMaxMonths": 48,
                 "lifeDomains": ["gezin-opvoeding"], "zones": ["westhoek"], "languages": ["nl"]}""").id();
        crisis = api.post("/api/v1/organisations/" + cgg + "/modules", """
                {"title": "Crisis-opvang jongeren", "description": "Opvang dag en nacht voor jongeren in crisis, ook bij angst.",
                 "type": "crisisopvang", "setting": "residentieel", "access": "crisis", "ageMinMonths": 144, "ageMaxMonths": 215,
                 "lifeDomains": ["psychisch-welzijn", "justitie-veiligheid"], "zones": ["brugge"], "languages": ["nl"]}""").id();
        api.put("/api/v1/modules/" + anxiety + "/availability", "{\"state\": \"waiting\", \"waiting\": 9, \"expectedWaitDays\": 63}");
        api.put("/api/v1/modules/" + crisis + "/availability", "{\"state\": \"free\", \"freePlaces\": 2, \"expectedWaitDays\": 0}");
        caughtUp();
    }

    @Test
    void readsAgeAndPlaceFromTheSearchBoxAndFindsWhatFits() {
        JsonNode result = search("q=angst 15 jaar Brugge");
        assertThat(ids(result)).containsExactlyInAnyOrder(anxiety, crisis);
        assertThat(result.at("/understood/ageMonths").asInt()).isEqualTo(180);
        assertThat(result.at("/understood/zones").toString()).contains("brugge");
        assertThat(result.at("/understood/text").asText()).isEqualTo("angst");
    }

    @Test
    void aHostileTextOfOneEnormousWordIsNotSearchedWhileTheRealWordsBesideItAre() {
        java.util.Random random = new java.util.Random(17);
        StringBuilder word = new StringBuilder();
        while (word.length() < 9_990) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        JsonNode result = search("q=angst " + word);
        assertThat(ids(result)).containsExactlyInAnyOrder(anxiety, crisis);
        assertThat(result.at("/understood/text").asText()).isEqualTo("angst");
        assertThat(result.at("/understood/suggestion").isMissingNode() || result.at("/understood/suggestion").isNull()).isTrue();
    }

    @Test
    void aTextOverTheDocumentedTenThousandCharactersIsRefusedNamingQ() {
        Api.Reply atLimit = api.get("/api/v1/search?q=" + "angst+".repeat(1666) + "abcd");
        assertThat(atLimit.status()).isEqualTo(200);
        Api.Reply over = api.get("/api/v1/search?q=" + "angst+".repeat(1666) + "abcde");
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.errorFields()).containsExactly("q");
        assertThat(over.body().get("detail").asText()).contains("10.000");
    }

    @Test
    void readsARangeOfAgesFromTheSearchBoxAndFindsModulesForAnyAgeInIt() {
        JsonNode toddlersOnly = search("q=peuters 0-3 jaar");
        assertThat(ids(toddlersOnly)).containsExactly(toddlers);
        assertThat(toddlersOnly.at("/understood/ageMonths").asInt()).isZero();
        assertThat(toddlersOnly.at("/understood/ageToMonths").asInt()).as("until the third birthday").isEqualTo(35);
        assertThat(toddlersOnly.at("/understood/ageFrom").asText()).isEqualTo("0-3 jaar");
        assertThat(toddlersOnly.at("/understood/text").asText()).isEqualTo("peuters");
        assertThat(ids(search("q=angst tussen 10 en 13 jaar"))).containsExactlyInAnyOrder(anxiety, crisis);
        assertThat(ids(search("q=angst van 6 tot 12 jaar"))).as("12 itself is not asked for").isEmpty();
        JsonNode adults = search("q=angst 18+");
        assertThat(ids(adults)).as("the crisis care stops before 18").containsExactly(anxiety);
        assertThat(adults.at("/understood/ageMonths").asInt()).isEqualTo(216);
        assertThat(adults.at("/understood/ageToMonths").asInt()).isEqualTo(1440);
        assertThat(adults.at("/understood/text").asText()).isEqualTo("angst");
        assertThat(ids(search("q=angst vanaf 18 jaar"))).containsExactly(anxiety);
        assertThat(ids(search("q=18 jaar en ouder angst"))).containsExactly(anxiety);
    }

    @Test
    void aRangeOfAgesAsParametersFindsModulesForAnyAgeInIt() {
        assertThat(ids(search("age=1&ageTo=2"))).containsExactly(toddlers);
        assertThat(ids(search("age=0&ageTo=0"))).as("0 to 11 months").isEmpty();
        assertThat(ids(search("ageMonths=40&ageToMonths=150&sort=wait"))).containsExactly(crisis, anxiety, toddlers);
        assertProblem("ageTo=5", "ageTo");
        assertProblem("age=10&ageTo=5", "ageTo");
        assertProblem("age=1&ageTo=2&ageToMonths=30", "ageTo");
        assertProblem("age=1&ageTo=121", "ageTo");
    }

    @Test
    void readsAWishForRoomNowFromTheSearchBox() {
        assertThat(ids(search("q=angst"))).containsExactlyInAnyOrder(anxiety, crisis);
        JsonNode result = search("q=angst zonder wachtlijst");
        assertThat(ids(result)).containsExactly(crisis);
        assertThat(result.at("/understood/availableNowFrom").asText()).isEqualTo("zonder wachtlijst");
        assertThat(result.at("/understood/text").asText()).isEqualTo("angst");
        assertThat(ids(search("q=Geen wachttijd, angst&availableNow=true"))).containsExactly(crisis);
        assertThat(ids(search("q=vrije plaatsen angst 15 jaar"))).containsExactly(crisis);
        assertThat(search("q=angst vrije tijd").at("/understood/availableNowFrom").isNull())
                .as("vrije tijd is a life domain, not a free place").isTrue();
    }

    @Test
    void putsRoomNowFirstAndShowsHowFreshTheWaitingInformationIs() throws Exception {
        long other = api.post("/api/v1/organisations",
                organisation("CGG Andante").replace("0403.170.701", "0412.345.614")).id();
        long twin = api.post("/api/v1/organisations/" + other + "/modules", module("Angstbehandeling voor tieners")).id();
        api.put("/api/v1/modules/" + twin + "/availability", "{\"state\": \"free\", \"freePlaces\": 2}");
        caughtUp();
        JsonNode result = search("q=angst tieners&age=15");
        // "tieners" only ranks: the three modules about anxiety are found, those with room now (the free twin, the
        // crisis shelter that also takes anxiety) before the one with a wait
        assertThat(ids(result)).containsExactly(twin, crisis, anxiety);
        JsonNode first = result.at("/hits/0");
        assertThat(first.at("/availability/state").asText()).isEqualTo("free");
        assertThat(first.at("/availability/freePlaces").asInt()).isEqualTo(2);
        assertThat(first.at("/availability/stale").asBoolean()).isFalse();
        assertThat(first.at("/organisation/name").asText()).isEqualTo("CGG Andante");
        assertThat(first.get("snippet").asText()).contains("<mark>");
        assertThat(result.at("/hits/2/availability/expectedWaitDays").asInt()).isEqualTo(63);
    }

    @Test
    void sortsByShortestWait() {
        assertThat(ids(search("q=angst&sort=wait"))).containsExactly(crisis, anxiety);
    }

    @Test
    void sortsByDistanceToTheNearestLocationMeasuredFromThePostcode() throws Exception {
        long brugge = withLocation("CGG Brugge", "8000", "");
        long kortrijk = withLocation("CGG Kortrijk", "8500", "");
        long ownPoint = withLocation("CGG aan zee", "8000", ", \"latitude\": 51.2155, \"longitude\": 2.9270");
        long shelter = withLocation("Vluchthuis", "8000", ", \"latitude\": 51.2155, \"longitude\": 2.9270, \"confidential\": true");
        caughtUp();

        JsonNode result = search("q=angstbehandeling&type=consult&zone=brugge&postcode=8400&sort=distance");
        // Oostende: the location's own point first; Brugge's postcode point (about 21 km) for the one without
        // coordinates and for the confidential one (never its own address); Kortrijk further; none last
        List<Long> order = ids(result);
        assertThat(order).hasSize(5);
        assertThat(order.get(0)).isEqualTo(ownPoint);
        assertThat(order.subList(1, 3)).containsExactlyInAnyOrder(brugge, shelter);
        assertThat(order.subList(3, 5)).containsExactly(kortrijk, anxiety);
        assertThat(result.at("/hits/0/distanceKm").asDouble()).isLessThan(0.5);
        assertThat(result.at("/hits/1/distanceKm").asDouble()).isBetween(15.0, 30.0);
        assertThat(result.at("/hits/2/distanceKm").asDouble()).isEqualTo(result.at("/hits/1/distanceKm").asDouble());
        assertThat(result.at("/hits/3/distanceKm").asDouble()).isBetween(35.0, 60.0);
        assertThat(result.at("/hits/4/distanceKm").isNull()).isTrue();
        assertThat(search("q=angstbehandeling&type=consult&zone=brugge&postcode=8400").at("/hits/0/distanceKm").isNull()).isTrue();

        // from Kortrijk the order turns around, and a moved location moves its modules
        assertThat(ids(search("q=angstbehandeling&type=consult&zone=brugge&postcode=8500&sort=distance")).get(0)).isEqualTo(kortrijk);
        long location = api.get("/api/v1/organisations/" + organisationOf(kortrijk) + "/locations").body().at("/0/id").asLong();
        JsonNode moved = api.get("/api/v1/locations/" + location).body();
        api.put("/api/v1/locations/" + location, """
                {"version": %d, "name": "Onthaal", "postcode": "8400"}""".formatted(moved.get("version").asLong()));
        caughtUp();
        assertThat(ids(search("q=angstbehandeling&type=consult&zone=brugge&postcode=8400&sort=distance")).subList(0, 2))
                .containsExactlyInAnyOrder(ownPoint, kortrijk);
    }

    @Test
    void sortingByDistanceWithoutAPlaceIsRefusedSayingWhatIsMissing() {
        assertProblem("sort=distance", "sort");
        assertThat(search("q=angst Brugge&sort=distance").get("total").asLong()).isPositive();
        assertThat(search("municipality=31005&sort=distance").get("total").asLong()).isPositive();
    }

    /** A new organisation with one location and a module like the anxiety module; returns the module. */
    private long withLocation(String name, String postcode, String coordinates) {
        long organisation = api.post("/api/v1/organisations", organisation(name)
                .replace("\"enterpriseNumber\": \"0403.170.701\", ", "")).id();
        api.post("/api/v1/organisations/" + organisation + "/locations", """
                {"name": "Onthaal", "postcode": "%s"%s}""".formatted(postcode, coordinates));
        return api.post("/api/v1/organisations/" + organisation + "/modules", module("Angstbehandeling voor tieners")).id();
    }

    private long organisationOf(long module) {
        return api.get("/api/v1/modules/" + module).body().get("organisationId").asLong();
    }

    @Test
    void filtersByAgeZoneDomainTypeAndAvailability() {
        assertThat(ids(search("age=2"))).containsExactly(toddlers);
        assertThat(ids(search("ageMonths=-3"))).isEmpty();
        assertThat(ids(search("zone=westhoek"))).containsExactly(toddlers);
        assertThat(ids(search("postcode=8000"))).containsExactlyInAnyOrder(anxiety, crisis);
        assertThat(ids(search("domain=justitie-veiligheid&domain=gezin-opvoeding"))).containsExactlyInAnyOrder(toddlers, crisis);
        assertThat(ids(search("type=consult"))).containsExactly(anxiety);
        assertThat(ids(search("access=crisis"))).containsExactly(crisis);
        assertThat(ids(search("availableNow=true"))).containsExactly(crisis);
        assertThat(ids(search("maxWaitWeeks=10"))).containsExactlyInAnyOrder(crisis, anxiety);
        assertThat(ids(search("maxWaitWeeks=8"))).containsExactly(crisis);
        assertThat(ids(search("availableNow=true&includeUnknown=true"))).containsExactlyInAnyOrder(crisis, toddlers);
    }

    @Test
    void aChosenFacetValueStillShowsItsSiblingsCounts() {
        JsonNode result = search("zone=westhoek");
        assertThat(result.get("total").asLong()).isEqualTo(1);
        assertThat(count(result, "zone", "westhoek")).isEqualTo(1);
        assertThat(count(result, "zone", "brugge")).isEqualTo(2);
        assertThat(count(result, "domain", "gezin-opvoeding")).isEqualTo(1);
        assertThat(count(result, "domain", "psychisch-welzijn")).isZero();
    }

    @Test
    void findsByAcronymCompoundAndWithTypos() {
        assertThat(ids(search("q=centrum voor geestelijke gezondheidszorg"))).hasSize(3);
        assertThat(ids(search("q=begeleiding&age=2"))).containsExactly(toddlers);
        assertThat(ids(search("q=crisisopvang"))).containsExactly(crisis);

        JsonNode typo = search("q=angts");
        assertThat(typo.at("/understood/suggestion").asText()).isEqualTo("angst");
        assertThat(typo.at("/understood/corrected").asBoolean()).isTrue();
        assertThat(ids(typo)).containsExactlyInAnyOrder(anxiety, crisis);
    }

    @Test
    void neverCorrectsACompoundThatIsInTheCatalogueIntoWordsCloseToItsParts() throws Exception {
        api.post("/api/v1/organisations/" + cgg + "/modules", """
                {"title": "Samen spelen", "description": "Ouders en peuters spelen samen.", "type": "contextbegeleiding",
                 "setting": "ambulant", "access": "vrij", "ageMinMonths": 12, "ageMaxMonths": 36,
                 "lifeDomains": ["gezin-opvoeding"], "zones": ["westhoek"], "languages": ["nl"]}""");
        caughtUp();
        // "spelbegeleiding" is searched as a whole and by its parts; at 15 only a module sharing the part
        // "begeleiding" is found, and the compound is never "corrected" into words close to its parts
        JsonNode partAtFifteen = search("q=spelbegeleiding&age=15");
        assertThat(ids(partAtFifteen)).doesNotContain(toddlers);
        assertThat(partAtFifteen.at("/understood/suggestion").isNull()).isTrue();

        JsonNode typo = search("q=spelbegeleidng");
        assertThat(typo.at("/understood/suggestion").asText()).isEqualTo("spelbegeleiding");
        assertThat(typo.at("/understood/corrected").asBoolean()).isTrue();
        assertThat(ids(typo).get(0)).isEqualTo(toddlers);
    }

    @Test
    void findsEngagementsInForceForTheSameText() throws Exception {
        api.post("/api/v1/organisations/" + cgg + "/engagements", """
                {"title": "Budgetbegeleiding binnen vijf dagen voor GBO-doorverwijzingen", "targetGroup": "gezinnen met schulden",
                 "capacityPerMonth": 4, "responseTimeDays": 5, "zones": ["brugge"], "validFrom": "2020-01-01"}""");
        api.post("/api/v1/organisations/" + cgg + "/engagements", """
                {"title": "Budgetcoaching, afgelopen", "zones": ["brugge"], "validFrom": "2020-01-01", "validTo": "2021-01-01"}""");
        caughtUp();
        JsonNode result = search("q=budget");
        assertThat(result.get("engagements")).hasSize(1);
        assertThat(result.at("/engagements/0/responseTimeDays").asInt()).isEqualTo(5);
    }

    @Test
    void aChangeIsSearchableOnceTheFeedIsFollowed() throws Exception {
        api.put("/api/v1/modules/" + toddlers + "/availability", "{\"state\": \"free\", \"freePlaces\": 1}");
        caughtUp();
        assertThat(ids(search("availableNow=true"))).containsExactlyInAnyOrder(crisis, toddlers);

        api.delete("/api/v1/modules/" + crisis);
        caughtUp();
        assertThat(ids(search("availableNow=true"))).containsExactly(toddlers);
    }

    @ParameterizedTest
    @ValueSource(strings = {"angst AND (jongeren OR", "*:*", "\\", "\"angst", "angst\u0007\u0000", "angst 😟", "title:angst^9~"})
    void anyTextIsSearchedAsText(String text) {
        Api.Reply reply = api.get("/api/v1/search?q=" + encode(text));
        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void tenThousandCharactersAreSearchedToo() {
        assertThat(api.get("/api/v1/search?q=" + encode("angst ".repeat(1666) + "angs")).status()).isEqualTo(200);
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheProblem() {
        assertProblem("age=200", "age");
        assertProblem("age=-1", "age");
        assertProblem("ageMonths=-10", "ageMonths");
        assertProblem("page=-1", "page");
        assertProblem("page=0", "page");
        assertProblem("size=10000", "size");
        assertProblem("zone=atlantis", "zone");
        assertProblem("postcode=9999", "postcode");
        assertProblem("domain=geluk", "domain");
        assertProblem("availableNow=misschien", "availableNow");
        assertProblem("sort=random", "sort");
        assertProblem("maxWaitWeeks=twee", "maxWaitWeeks");
        assertProblem("page=200&size=100", "page");
    }

    @Test
    void anAdministratorSeesTheIndexFollowTheDatabaseAndCanRebuildIt() throws Exception {
        assertThat(Api.anonymous(client).get("/api/v1/admin/search-index").status()).isEqualTo(401);
        assertThat(Api.anonymous(client).post("/api/v1/admin/search-index/rebuild", "{}").status()).isEqualTo(401);
        JsonNode status = api.get("/api/v1/admin/search-index").body();
        assertThat(status.get("ready").asBoolean()).isTrue();
        assertThat(status.get("modules").asLong()).isEqualTo(3);

        assertThat(api.post("/api/v1/admin/search-index/rebuild", "{}").status()).isEqualTo(202);
        api.put("/api/v1/modules/" + toddlers + "/availability", "{\"state\": \"free\", \"freePlaces\": 1}");
        caughtUp();
        assertThat(ids(search("availableNow=true"))).containsExactlyInAnyOrder(crisis, toddlers);
    }

    private void assertProblem(String query, String field) {
        Api.Reply reply = api.get("/api/v1/search?" + query);
        assertThat(reply.status()).as(query).isEqualTo(400);
        assertThat(reply.errorFields()).as(query).contains(field);
        assertThat(reply.body().at("/errors/0/message").asText()).as(query).isNotBlank();
    }

    private JsonNode search(String query) {
        StringBuilder encoded = new StringBuilder();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            encoded.append(encoded.length() == 0 ? "" : "&").append(parts[0]).append('=').append(encode(parts[1]));
        }
        Api.Reply reply = api.get("/api/v1/search?" + encoded);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    private static List<Long> ids(JsonNode result) {
        List<Long> ids = new ArrayList<>();
        result.get("hits").forEach(hit -> ids.add(hit.get("id").asLong()));
        return ids;
    }

    private static long count(JsonNode result, String facet, String value) {
        for (JsonNode entry : result.at("/facets/" + facet)) {
            if (entry.get("value").asText().equals(value)) {
                return entry.get("count").asLong();
            }
        }
        return 0;
    }

    private void caughtUp() throws Exception {
        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
