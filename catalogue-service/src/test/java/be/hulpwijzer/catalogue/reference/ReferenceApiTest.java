package be.hulpwijzer.catalogue.reference;

import be.hulpwijzer.catalogue.testing.PostgresTest;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceApiTest implements PostgresTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    be.hulpwijzer.catalogue.testing.Sql sql;

    @Test
    void sixtyZonesAreInForce() {
        List<Map<String, Object>> zones = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/reference/zones"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(zones).hasSize(60);
        assertThat(zones).extracting(z -> z.get("code")).contains("brugge", "westhoek", "bruzel", "antwerpen-oost",
                "middenkust").doesNotContain("oostende-bredene");
    }

    @Test
    void municipalitiesInForceAre304() {
        List<Map<String, Object>> municipalities = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/reference/municipalities"), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(municipalities).hasSize(304);
    }

    @Test
    void postcode8000IsBruggeInZoneBrugge() {
        Map<String, Object> answer = postcode("8000");
        assertThat(answer.get("municipalities")).isEqualTo(List.of(Map.of("code", "31005", "name", "Brugge")));
        assertThat(answer.get("zones")).isEqualTo(List.of(Map.of("code", "brugge", "name", "Brugge")));
    }

    @Test
    void everyPostcodeHasAPointInFlandersOrBrusselsToMeasureDistancesFrom() {
        Map<String, Object> brugge = postcode("8000");
        @SuppressWarnings("unchecked")
        Map<String, Object> point = (Map<String, Object>) brugge.get("point");
        assertThat(((Number) point.get("latitude")).doubleValue()).isBetween(51.15, 51.25);
        assertThat(((Number) point.get("longitude")).doubleValue()).isBetween(3.15, 3.30);
        assertThat(point.get("precision")).isEqualTo("place");
        assertThat(sql.column("select count(distinct postcode) from postcode where postcode not in (select postcode from postcode_point)"))
                .containsExactly("0");
        // the northernmost and southernmost, westernmost and easternmost points stay within Flanders and Brussels
        assertThat(sql.column("select min(latitude) >= 50.65 and max(latitude) <= 51.51 and min(longitude) >= 2.53 "
                + "and max(longitude) <= 5.92 from postcode_point")).containsExactly("t");
    }

    @Test
    void deurneLiesInZoneAntwerpenOost() {
        Map<String, Object> answer = postcode("2100");
        assertThat(answer.get("zones")).isEqualTo(List.of(Map.of("code", "antwerpen-oost", "name", "Antwerpen Oost")));
        assertThat(answer.get("municipalities")).isEqualTo(List.of(Map.of("code", "11002", "name", "Antwerpen")));
    }

    @Test
    void borsbeekIsPartOfAntwerpSinceTheMerger() {
        Map<String, Object> answer = postcode("2150");
        assertThat(answer.get("municipalities")).isEqualTo(List.of(Map.of("code", "11002", "name", "Antwerpen")));
        assertThat(answer.get("zones")).isEqualTo(List.of(Map.of("code", "antwerpen-oost", "name", "Antwerpen Oost")));
    }

    @Test
    void mergedMunicipalityOfPajottegemAnswersForGooik() {
        Map<String, Object> answer = postcode("1755");
        assertThat(answer.get("municipalities")).isEqualTo(List.of(Map.of("code", "23106", "name", "Pajottegem")));
        assertThat(answer.get("zones")).isEqualTo(List.of(Map.of("code", "pajottenland", "name", "Pajottenland")));
    }

    @Test
    void unknownPostcodeIsNotFoundAndMalformedOneIsBadRequest() {
        assertThatThrownBy(() -> postcode("9999")).isInstanceOfSatisfying(HttpClientResponseException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(404));
        assertThatThrownBy(() -> postcode("80a0")).isInstanceOfSatisfying(HttpClientResponseException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(400));
    }

    @Test
    void vocabulariesHaveStableCodes() {
        List<Map<String, Object>> domains = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/reference/life-domains"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(domains).hasSize(12).first().isEqualTo(Map.of("code", "gezin-opvoeding", "name", "Gezin & opvoeding"));
        List<Map<String, Object>> types = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/reference/module-types"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(types).extracting(t -> t.get("code")).contains("contextbegeleiding", "consult", "crisisopvang");
    }

    private Map<String, Object> postcode(String postcode) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/v1/reference/postcodes/" + postcode),
                Argument.mapOf(String.class, Object.class));
    }
}
