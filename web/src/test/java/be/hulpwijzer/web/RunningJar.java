package be.hulpwijzer.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged application run as a user runs it: {@code java -jar hulpwijzer.jar} in a directory. */
final class RunningJar implements AutoCloseable {

    private static final Pattern RUNNING = Pattern.compile("Server Running: http://[^:]+:(\\d+)");

    private final Process process;
    private final int port;
    final List<String> output;

    private RunningJar(Process process, int port, List<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Runs a command of the jar ({@code import-hsds PATH}, ...) to its end; its output, or an error with it. */
    static String run(Path workingDirectory, Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().remove("DATASOURCES_DEFAULT_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError("'" + String.join(" ", arguments) + "' failed:\n" + output);
        }
        return output;
    }

    static RunningJar start(Path workingDirectory, Map<String, String> environment) throws Exception {
        String jar = jar();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().remove("DATASOURCES_DEFAULT_URL");
        builder.environment().put("MICRONAUT_SERVER_PORT", "-1");
        builder.environment().putAll(environment);
        Process process = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    Matcher m = RUNNING.matcher(line);
                    if (m.find()) {
                        started.complete(Integer.parseInt(m.group(1)));
                    }
                }
                started.completeExceptionally(new IllegalStateException("application ended before it started:\n"
                        + String.join("\n", output)));
            } catch (IOException e) {
                started.completeExceptionally(e);
            }
        }, "jar-output");
        reader.setDaemon(true);
        reader.start();
        int port = started.get(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS);
        RunningJar running = new RunningJar(process, port, output);
        running.awaitReady(Duration.ofMinutes(2));
        return running;
    }

    /**
     * Waits as a load balancer does: until {@code /health/readiness} answers 200 (the search index is built
     * and follows the database), or fails after the given time.
     */
    private void awaitReady(Duration limit) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            org.awaitility.Awaitility.await("/health/readiness answers 200").atMost(limit)
                    .until(() -> !process.isAlive() || http.send(HttpRequest.newBuilder(URI.create(url("/health/readiness"))).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not ready within " + limit.toSeconds() + " s:\n" + String.join("\n", output), e);
        }
        if (!process.isAlive()) {
            throw new AssertionError("the application ended before it was ready:\n" + String.join("\n", output));
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The packaged jar: as failsafe names it, or the module's own when a benchmark runs it from surefire. */
    private static String jar() {
        return Path.of(System.getProperty("hulpwijzer.jar", "target/hulpwijzer.jar")).toAbsolutePath().toString();
    }

    /** Kills the application as a crash would ({@code kill -9}): no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** Stops the application as a service manager would: SIGTERM, then wait for it to end. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("application did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            stop();
        }
    }
}
