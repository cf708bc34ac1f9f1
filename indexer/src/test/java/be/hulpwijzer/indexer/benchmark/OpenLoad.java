package be.hulpwijzer.indexer.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load: requests start on a fixed schedule whatever the answers do, and each latency is
 * measured from its scheduled start (so a slow server is not hidden by fewer requests: no coordinated
 * omission). Answers p50, p99 and the achieved throughput.
 */
final class OpenLoad {

    record Result(int rate, int sent, int failed, double p50, double p99, double max, double throughput) {
    }

    private OpenLoad() {
    }

    static Result run(List<URI> targets, int perSecond, Duration length) throws Exception {
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4))
                .connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long interval = 1_000_000_000L / perSecond;
        int count = (int) (length.toNanos() / interval);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long scheduled = start + i * interval;
            LockSupport.parkNanos(scheduled - System.nanoTime());
            HttpRequest request = HttpRequest.newBuilder(targets.get(i % targets.size())).timeout(Duration.ofSeconds(30)).GET().build();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error != null || response.statusCode() != 200) {
                    failed.incrementAndGet();
                } else {
                    latencies.add(System.nanoTime() - scheduled);
                }
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(2, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(perSecond, count, failed.get(), quantile(sorted, 0.5), quantile(sorted, 0.99), quantile(sorted, 1.0),
                sorted.length / seconds);
    }

    private static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1));
        return sorted[index] / 1e6;
    }
}
