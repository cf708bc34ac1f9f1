package be.hulpwijzer.indexer.analysis;

import be.hulpwijzer.seed.reference.ReferenceCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a situation as people describe it is read: word families, the thesaurus shipped in seed-data, words that
 * carry no need (issue 18's examples).
 */
class SituationAnalysisTest {

    private static final DutchAnalyzers ANALYZERS = new DutchAnalyzers(Vocabulary.withThesaurus(
            Map.of("bzw", List.of("begeleid zelfstandig wonen")),
            ReferenceCsv.read("thesaurus.csv").stream().map(r -> new ThesaurusGroup(
                    Arrays.stream(r.get("terms").split(";")).map(String::strip).toList(),
                    r.get("life_domain").isBlank() ? null : r.get("life_domain"),
                    r.get("module_type").isBlank() ? null : r.get("module_type"))).toList()));

    @ParameterizedTest(name = "\"{0}\" is of the family of \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            spijbelt    | spijbelen
            spijbelde   | spijbelen
            blowt       | blowen
            angsten     | angst
            slaapt      | slapen
            kinderen    | kind
            """)
    void verbFormsAndPluralsShareTheKeyOfTheirFamily(String typed, String family) {
        assertThat(ANALYZERS.keys().key(typed)).isEqualTo(ANALYZERS.keys().key(family));
    }

    @Test
    void aPluralWithAnApostropheIsItsWord() {
        assertThat(Words.of("Zorgprogramma baby's en huilbaby’s")).containsExactly("zorgprogramma", "baby", "en", "huilbaby");
    }

    @ParameterizedTest(name = "\"{0}\" is read as the thesaurus group of \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            spijbelt                              | spijbelen
            jongen wil niet meer naar school      | spijbelen
            kind wil niet naar school             | spijbelen
            zoon van 17 blowt                     | blowen
            wiet                                  | blowen
            dakloos                               | dakloos
            thuisloos                             | dakloos
            somber                                | somber
            depressief                            | somber
            angstig                               | angst
            agressief                             | agressie
            zelfstandig wonen                     | zelfstandig wonen
            kamertraining                         | zelfstandig wonen
            op eigen benen                        | zelfstandig wonen
            BZW                                   | zelfstandig wonen
            crèche                                | kinderopvang
            onthaalouder                          | kinderopvang
            LVB                                   | verstandelijke beperking
            papa kan zijn kinderen niet meer aan  | opvoedingsondersteuning
            zelfmoordgedachten                    | zelfmoord
            mijn dochter snijdt zichzelf          | zelfverwonding
            vader slaat moeder                    | intrafamiliaal geweld
            """)
    void aSituationIsReadAsTheWordsProvidersUse(String typed, String groupOf) {
        List<String> groups = ANALYZERS.concepts(typed).stream().filter(c -> !c.light())
                .flatMap(c -> c.groups().stream()).map(g -> g.terms().get(0)).toList();
        assertThat(groups).as(typed).contains(groupOf);
    }

    @Test
    void wordsThatCarryNoNeedAreMarkedLight() {
        List<Concept> concepts = ANALYZERS.concepts("zoon dochter mama heeft wil denkt nog tegen liefst met angst");
        assertThat(concepts.stream().filter(c -> !c.light()).map(Concept::typed)).containsExactly("angst");
        assertThat(concepts.stream().filter(Concept::light).map(Concept::typed))
                .contains("zoon", "dochter", "mama", "heeft", "wil", "denkt", "nog", "tegen", "liefst");
    }

    @Test
    void aPhraseOfTheThesaurusIsOneConceptAndItsLightWordsDoNotCountApart() {
        List<Concept> needs = ANALYZERS.concepts("jongen wil niet meer naar school").stream().filter(c -> !c.light()).toList();
        assertThat(needs).hasSize(1);
        assertThat(needs.get(0).typed()).contains("niet").contains("school");
        assertThat(needs.get(0).groups()).extracting(g -> g.terms().get(0)).contains("spijbelen");
    }

    @Test
    void aLightWordIsNotReadAsAPhraseOfWhichItIsTheOnlyWordLeft() {
        // "jonge moeder" (a young mother) must not turn every "jongen" into one, nor "thuis" into homelessness
        assertThat(ANALYZERS.concepts("jongen").get(0).groups()).extracting(g -> g.terms().get(0))
                .doesNotContain("tienerzwangerschap");
        assertThat(ANALYZERS.concepts("thuis").get(0).groups()).extracting(g -> g.terms().get(0))
                .doesNotContain("dakloos");
    }

    @Test
    void theThesaurusNamesOnlyKnownLifeDomainsAndModuleTypes() {
        List<String> domains = ReferenceCsv.read("life_domains.csv").stream().map(r -> r.get("code")).toList();
        List<String> types = ReferenceCsv.read("module_types.csv").stream().map(r -> r.get("code")).toList();
        ANALYZERS.vocabulary().thesaurus().forEach(group -> {
            assertThat(group.lifeDomain()).as(group.terms().toString()).isIn(nullOr(domains));
            assertThat(group.moduleType()).as(group.terms().toString()).isIn(nullOr(types));
        });
        assertThat(ANALYZERS.vocabulary().thesaurus().stream().mapToInt(g -> g.terms().size()).sum())
                .as("terms in the thesaurus").isGreaterThan(500);
    }

    private static List<String> nullOr(List<String> codes) {
        List<String> all = new java.util.ArrayList<>(codes);
        all.add(null);
        return all.stream().filter(c -> c == null || Objects.nonNull(c)).toList();
    }
}
