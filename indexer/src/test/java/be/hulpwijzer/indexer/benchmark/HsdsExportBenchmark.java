package be.hulpwijzer.indexer.benchmark;

import be.hulpwijzer.indexer.hsds.HsdsCatalogue;
import be.hulpwijzer.indexer.hsds.HsdsExport;
import be.hulpwijzer.indexer.index.IndexManager;
import be.hulpwijzer.indexer.testing.SearchTest;
import be.hulpwijzer.seed.demo.CatalogueLoader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bulk download {@code /api/hsds/export.zip} of a large catalogue: its time and memory, and the batched
 * reading (four queries a batch of 500) against the baseline of reading one service at a time (as
 * {@code /api/hsds/services/{id}} does), both on the same modules in the same run. Written to
 * {@code indexer/target/benchmarks/hsds-export.md}.
 * Run: mvn -B -pl indexer -am test -Dbenchmark -Dtest=HsdsExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * (1,000,000 modules by default; -Dbenchmark.modules=... -Dbenchmark.organisations=... for another size).
 */
@Tag("benchmark")
class HsdsExportBenchmark {

    private static final int SAMPLE = 20_000;

    @Test
    void measure() throws Exception {
        int organisations = Integer.getInteger("benchmark.organisations", 100_000);
        int modules = Integer.getInteger("benchmark.modules", 1_000_000);
        Map<String, Object> properties = new HashMap<>(new SearchTest() { }.getProperties());
        StringBuilder report = new StringBuilder("# HSDS export benchmark\n\nCatalogue: %,d organisations, %,d modules (generated, seed 3). %s, %d cores, heap at most %,d MB.\n\n"
                .formatted(organisations, modules, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        try (ApplicationContext setup = ApplicationContext.run(properties, "test")) {
            DataSource dataSource = setup.getBean(DataSourceResolver.class).resolve(setup.getBean(DataSource.class));
            long start = System.nanoTime();
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("truncate organisation, method restart identity cascade");
                CatalogueLoader.load(c, new CatalogueLoader.Size(organisations, modules, false), 3L, Instant.now());
                st.execute("analyze");
            }
            report.append("Load with COPY: %.1f s\n\n".formatted(seconds(start)));
        }
        properties.put("hulpwijzer.index-dir", be.hulpwijzer.catalogue.testing.TemporaryDirectories.create("hulpwijzer-bench-index").toString());
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).environments("test").start()) {
            if (!context.getBean(IndexManager.class).awaitCaughtUp(Duration.ofMinutes(30))) {
                throw new IllegalStateException("index not built in 30 minutes"); // measured after, so it does not compete
            }
            HsdsCatalogue catalogue = context.getBean(HsdsCatalogue.class);
            List<Long> sample = new ArrayList<>();
            DataSource dataSource = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select id from module where status <> 'ended' order by id limit " + SAMPLE)) {
                while (rs.next()) {
                    sample.add(rs.getLong(1));
                }
            }
            long bytes = 0;
            long start = System.nanoTime();
            for (long id : sample) {
                bytes += catalogue.service(id).toString().length();
            }
            double oneByOne = seconds(start);
            long batchedBytes = 0;
            start = System.nanoTime();
            for (int from = 0; from < sample.size(); from += 500) {
                for (var service : catalogue.services(sample.subList(from, Math.min(sample.size(), from + 500)))) {
                    batchedBytes += service.toString().length();
                }
            }
            double batched = seconds(start);
            if (batchedBytes != bytes) {
                throw new IllegalStateException("the batched services differ from the one-by-one ones");
            }
            report.append("## Reading full services (the first %,d modules, same run)\n\n".formatted(sample.size()))
                    .append("| way | time | services per second |\n|---|---:|---:|\n")
                    .append("| one at a time (baseline: 4 queries a service) | %.1f s | %,.0f |\n".formatted(oneByOne, sample.size() / oneByOne))
                    .append("| a batch of 500 at a time (4 queries a batch) | %.1f s | %,.0f |\n\n".formatted(batched, sample.size() / batched))
                    .append("Batched reading is **%.1f×** the baseline.\n\n".formatted(oneByOne / batched));

            HeapPeak peak = HeapPeak.start();
            AtomicLong zipped = new AtomicLong();
            start = System.nanoTime();
            context.getBean(HsdsExport.class).write(new OutputStream() {
                @Override
                public void write(int b) {
                    zipped.incrementAndGet();
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    zipped.addAndGet(len);
                }
            });
            double export = seconds(start);
            long[] heap = peak.stop();
            report.append("## The whole export (`/api/hsds/export.zip`: CSVs of the data package and services.ndjson, zipped)\n\n")
                    .append("| modules | time | services per second | zip size | heap in use, peak sampled every 20 ms (garbage included) | heap in use after the last collection |\n")
                    .append("|---:|---:|---:|---:|---:|---:|\n")
                    .append("| %,d | %.1f s | %,.0f | %,d MB | %,d MB | %,d MB |\n\n".formatted(modules, export, modules / export,
                            zipped.get() / (1024 * 1024), heap[0] / (1024 * 1024), heap[1] / (1024 * 1024)));
        }
        Path out = Path.of("target/benchmarks/hsds-export.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** The heap in use, sampled while the export runs; and what the last collection left. */
    private record HeapPeak(AtomicLong peak, AtomicBoolean running, Thread sampler) {

        static HeapPeak start() {
            AtomicLong peak = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            return new HeapPeak(peak, running, sampler);
        }

        long[] stop() throws InterruptedException {
            running.set(false);
            sampler.join();
            long afterCollection = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    afterCollection += pool.getCollectionUsage().getUsed();
                }
            }
            return new long[]{peak.get(), afterCollection};
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
