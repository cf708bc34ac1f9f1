package be.hulpwijzer.indexer.analysis;

import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.seed.demo.CatalogueLoader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A measurement, not a test: the index analysis of a generated catalogue's module texts (title, organisation,
 * description and all of them together, as {@code DocumentMapper} analyses them), with the memory of words
 * ({@link WordMemoFilter}) and without it, rounds alternating in the same run. Each round runs on a new
 * thread, so it starts with an empty memory, as every rebuild does. Default 2,000 organisations / 20,000
 * modules (-Dbenchmark.organisations, -Dbenchmark.modules). Writes target/benchmarks/analysis.md.
 * Run: mvn -B -pl indexer -am test -Dbenchmark -Dtest=AnalysisBenchmark
 */
@Tag("benchmark")
class AnalysisBenchmark {

    private static final int ROUNDS = 5;

    private record Texts(String title, String organisation, String description, String all) {
    }

    @Test
    void measure() throws Exception {
        int organisations = Integer.getInteger("benchmark.organisations", 2_000);
        int modules = Integer.getInteger("benchmark.modules", 20_000);
        Map<String, Object> properties = new HashMap<>(new SearchTest() { }.getProperties());
        List<Texts> texts = new ArrayList<>();
        DutchAnalyzers analyzers;
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            DataSource dataSource = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("truncate organisation, method restart identity cascade");
                CatalogueLoader.load(c, new CatalogueLoader.Size(organisations, modules, false), 3L, Instant.now());
                try (ResultSet rows = st.executeQuery("select m.title, o.name, m.description, coalesce(m.referral_procedure, '') "
                        + "from module m join organisation o on o.id = m.organisation_id order by m.id")) {
                    while (rows.next()) {
                        texts.add(new Texts(rows.getString(1), rows.getString(2), rows.getString(3),
                                String.join(" ", rows.getString(1), rows.getString(3), rows.getString(2), rows.getString(4))));
                    }
                }
            }
            analyzers = context.getBean(DutchAnalyzers.class);
        }
        StringBuilder report = new StringBuilder("# Index analysis benchmark\n\n%,d module texts (generated, seed 3), %s, %d cores. "
                .formatted(texts.size(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                        Runtime.getRuntime().availableProcessors()))
                .append("One thread, %d rounds each after one warm-up round each, alternating; every round starts with an empty memory.\n\n".formatted(ROUNDS))
                .append("| round | without memory s | with memory s | ratio |\n|---|---|---|---|\n");
        Analyzer plain = analyzers.indexWithoutMemo();
        Analyzer memo = analyzers.index();
        long tokensPlain = round(plain, texts)[1];
        long tokensMemo = round(memo, texts)[1];
        if (tokensPlain != tokensMemo) {
            throw new IllegalStateException("the analysers disagree: " + tokensPlain + " against " + tokensMemo + " tokens");
        }
        double sumPlain = 0;
        double sumMemo = 0;
        for (int i = 1; i <= ROUNDS; i++) {
            double without = round(plain, texts)[0] / 1e9;
            double with = round(memo, texts)[0] / 1e9;
            sumPlain += without;
            sumMemo += with;
            report.append("| %d | %.2f | %.2f | %.2f |\n".formatted(i, without, with, without / with));
        }
        report.append("| mean | %.2f | %.2f | %.2f |\n\n%,d tokens per round.\n".formatted(sumPlain / ROUNDS, sumMemo / ROUNDS,
                sumPlain / sumMemo, tokensPlain));
        Path out = Path.of("target/benchmarks/analysis.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** Nanoseconds and tokens for analysing every text once, on a new thread. */
    private static long[] round(Analyzer analyzer, List<Texts> texts) throws InterruptedException {
        AtomicLong nanos = new AtomicLong();
        AtomicLong tokens = new AtomicLong();
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            long count = 0;
            for (Texts text : texts) {
                count += count(analyzer, "title", text.title()) + count(analyzer, "organisation", text.organisation())
                        + count(analyzer, "description", text.description()) + count(analyzer, "all", text.all());
            }
            nanos.set(System.nanoTime() - start);
            tokens.set(count);
        });
        thread.start();
        thread.join();
        return new long[] {nanos.get(), tokens.get()};
    }

    private static long count(Analyzer analyzer, String field, String text) {
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            long count = 0;
            while (stream.incrementToken()) {
                count += term.length() > 0 ? 1 : 0;
            }
            stream.end();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
