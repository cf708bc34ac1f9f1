package be.hulpwijzer.indexer.search;

import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.seed.demo.CatalogueLoader;
import be.hulpwijzer.seed.demo.DemoCatalogue;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.convert.value.MutableConvertibleMultiValuesMap;
import io.micronaut.jdbc.DataSourceResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18's examples, typed as a new user would on the demo catalogue. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSearchTest {

    private ApplicationContext context;
    private Searcher searcher;
    private SearchParameters parameters;
    private IndexManager indexes;

    @BeforeAll
    void loadTheDemo() throws Exception {
        context = ApplicationContext.run(new HashMap<String, Object>(new SearchTest() { }.getProperties()), "test");
        DataSource dataSource = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
        try (Connection connection = dataSource.getConnection(); var st = connection.createStatement()) {
            st.execute("truncate organisation, method restart identity cascade");
            CatalogueLoader.load(connection, DemoCatalogue.SIZE, DemoCatalogue.SEED, Instant.now());
        }
        searcher = context.getBean(Searcher.class);
        parameters = context.getBean(SearchParameters.class);
        indexes = context.getBean(IndexManager.class);
        assertThat(indexes.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
    }

    @AfterAll
    void close() {
        context.close();
    }

    private SearchResult search(String q) throws Exception {
        Map<CharSequence, List<String>> values = new HashMap<>();
        values.put("q", List.of(q));
        SearchParameters.Parsed parsed = parameters.parse(new MutableConvertibleMultiValuesMap<>(values));
        return searcher.search(indexes.current().orElseThrow(), parsed.request(), parsed.understood(), Instant.now());
    }

    @Test
    void babyFindsTheProgrammeForBabiesAndToddlers() throws Exception {
        assertThat(search("baby").hits()).extracting(SearchResult.Hit::title).anyMatch(t -> t.contains("baby's"));
    }

    @Test
    void aVerbFormFindsWhatItsInfinitiveFinds() throws Exception {
        long spijbelen = search("spijbelen").total();
        assertThat(spijbelen).isPositive();
        assertThat(search("spijbelt").total()).isGreaterThanOrEqualTo(spijbelen);
    }

    @Test
    void independentLivingIsFoundByEveryNamePeopleGiveIt() throws Exception {
        assertThat(search("autonoom wonen").total()).isPositive();
        for (String q : List.of("zelfstandig wonen", "kamertraining", "BZW", "op eigen benen")) {
            assertThat(search(q).hits()).as(q).isNotEmpty();
            assertThat(search(q).hits().get(0).matched()).as(q).isNotEmpty();
        }
    }

    @Test
    void situationsAsCareWorkersTypeThemFindHelpWithinTheAgeAndPlaceRead() throws Exception {
        for (String q : List.of("angst meisje 15 jaar Brugge", "kind wil niet naar school brugge")) {
            SearchResult result = search(q);
            assertThat(result.hits()).as(q).isNotEmpty();
            assertThat(result.understood().zones()).as(q).containsExactly("brugge");
            assertThat(result.hits()).as(q).allMatch(hit -> hit.zones().contains("Brugge") || hit.zones().contains("brugge"));
        }
        SearchResult girl = search("angst meisje 15 jaar Brugge");
        assertThat(girl.hits()).allMatch(hit -> hit.ageMinMonths() <= 180
                && (hit.ageMaxMonths() == null || hit.ageMaxMonths() >= 180));
    }

    @Test
    void suicidalThoughtsShowTheSuicideLineFirst() throws Exception {
        SearchResult result = search("zelfmoordgedachten");
        assertThat(result.helplines()).isNotEmpty();
        assertThat(result.helplines().get(0).number()).isEqualTo("1813");
        assertThat(result.helplines()).extracting(SearchResult.Helpline::number).contains("112");
        assertThat(search("pleegzorg").helplines()).isEmpty();
    }

    @Test
    void aSearchThatFindsNothingShowsTheLinesForEveryone() throws Exception {
        SearchResult result = search("xyzzyq 40 jaar");
        assertThat(result.total()).isZero();
        assertThat(result.helplines()).extracting(SearchResult.Helpline::number).contains("102", "106");
    }
}
