package be.hulpwijzer.seed.demo;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Dutch texts the demo catalogue is written from: kinds of organisation, kinds of module, methods. */
final class Templates {

    record OrganisationKind(String sector, String name, String description, int weight, List<String> modules) {
    }

    record ModuleKind(String key, String title, String type, String setting, String access, int ageMin,
                      Integer ageMax, List<String> domains, List<String> methods, String waitProfile,
                      String description, String referral, String preparation) {
    }

    record MethodText(String code, String name, String description, List<String> synonyms) {
    }

    final List<OrganisationKind> organisationKinds;
    final Map<String, ModuleKind> moduleKinds;
    final List<MethodText> methods;

    private Templates(List<OrganisationKind> organisationKinds, Map<String, ModuleKind> moduleKinds, List<MethodText> methods) {
        this.organisationKinds = organisationKinds;
        this.moduleKinds = moduleKinds;
        this.methods = methods;
    }

    static Templates load() {
        List<OrganisationKind> organisations = read("organisations.csv").stream().map(r -> new OrganisationKind(
                r.get("sector"), r.get("name"), r.get("description"), Integer.parseInt(r.get("weight")),
                list(r.get("modules")))).toList();
        Map<String, ModuleKind> modules = read("modules.csv").stream().map(r -> new ModuleKind(r.get("key"),
                        r.get("title"), r.get("type"), r.get("setting"), r.get("access"), Integer.parseInt(r.get("age_min")),
                        r.get("age_max").isEmpty() ? null : Integer.valueOf(r.get("age_max")), list(r.get("domains")),
                        list(r.get("methods")), r.get("wait"), r.get("description"), r.get("referral"), r.get("preparation")))
                .collect(Collectors.toMap(ModuleKind::key, Function.identity()));
        List<MethodText> methods = read("methods.csv").stream().map(r -> new MethodText(r.get("code"), r.get("name"),
                r.get("description"), list(r.get("synonyms")))).toList();
        for (OrganisationKind kind : organisations) {
            for (String key : kind.modules()) {
                if (!modules.containsKey(key)) {
                    throw new IllegalStateException("organisation kind " + kind.name() + " names unknown module " + key);
                }
            }
        }
        return new Templates(organisations, modules, methods);
    }

    private static List<String> list(String value) {
        return value.isBlank() ? List.of() : Arrays.stream(value.split(";")).map(String::strip).toList();
    }

    private static List<CSVRecord> read(String file) {
        try (InputStream in = Templates.class.getResourceAsStream("/demo/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing demo template " + file);
            }
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
