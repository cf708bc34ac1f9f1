package be.hulpwijzer.indexer.relevance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The graded relevance set: a fictional catalogue (modules.psv) and judged queries (queries.psv). */
record RelevanceSet(List<Module> modules, List<Judged> queries) {

    /** One module of the fictional catalogue; {@code ageMaxMonths} null without a maximum. */
    record Module(String key, String organisation, String sector, List<String> zones, String type, String access,
                  String setting, int ageMinMonths, Integer ageMaxMonths, List<String> lifeDomains, String state,
                  String title, String description) {

        boolean covers(int months) {
            return ageMinMonths <= months && (ageMaxMonths == null || months <= ageMaxMonths);
        }
    }

    /**
     * A query as typed, extra request parameters ("zone=gent&age=16"), grades by module key, modules that must
     * not appear, and what every hit must satisfy: an age in months, one of some zones, room now (each may be absent).
     */
    record Judged(String kind, String query, Map<String, String> parameters, Map<String, Integer> grades,
                  Set<String> mustNot, Integer everyHitCoversMonths, Set<String> everyHitServesOneOf,
                  boolean everyHitFree) {
    }

    static RelevanceSet load() {
        List<Module> modules = rows("modules.psv", 13).stream().map(f -> new Module(f[0], f[1], f[2], list(f[3]), f[4],
                f[5], f[6], Integer.parseInt(f[7]), f[8].isEmpty() ? null : Integer.valueOf(f[8]), list(f[9]), f[10],
                f[11], f[12])).toList();
        List<Judged> queries = rows("queries.psv", 8).stream().map(f -> new Judged(f[0], f[1], parameters(f[2]),
                grades(f[3]), Set.copyOf(list(f[4])), f[5].isEmpty() ? null : Integer.valueOf(f[5]), Set.copyOf(list(f[6])),
                f[7].equals("free"))).toList();
        return new RelevanceSet(modules, queries);
    }

    Map<String, Module> byKey() {
        return modules.stream().collect(Collectors.toMap(Module::key, Function.identity()));
    }

    private static List<String[]> rows(String file, int columns) {
        try (InputStream in = RelevanceSet.class.getResourceAsStream("/relevance/" + file)) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> {
                        String[] fields = l.split("\\|", -1);
                        if (fields.length != columns) {
                            throw new IllegalStateException(file + ": " + columns + " columns expected in " + l);
                        }
                        return fields;
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> list(String field) {
        return field.isEmpty() ? List.of() : Arrays.asList(field.split(","));
    }

    private static Map<String, String> parameters(String field) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : list(field.replace('&', ','))) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], kv[1]);
        }
        return parameters;
    }

    private static Map<String, Integer> grades(String field) {
        Map<String, Integer> grades = new LinkedHashMap<>();
        for (String grade : list(field)) {
            String[] kv = grade.split(":");
            grades.put(kv[0], Integer.valueOf(kv[1]));
        }
        return grades;
    }
}
