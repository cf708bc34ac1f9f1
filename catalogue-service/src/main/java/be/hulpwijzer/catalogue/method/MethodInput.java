package be.hulpwijzer.catalogue.method;

import be.hulpwijzer.catalogue.api.JsonFields;
import io.micronaut.core.annotation.Nullable;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Set;

record MethodInput(String code, String name, String description, List<String> synonyms, @Nullable Long version) {

    static final Set<String> FIELDS = Set.of("id", "version", "code", "name", "description", "synonyms",
            "createdAt", "updatedAt");

    static MethodInput read(JsonFields json, boolean update) {
        json.allowOnly(FIELDS);
        String name = json.text("name", true, 200);
        String code = json.text("code", false, 100);
        if (code != null && !code.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            json.reject("code", "field.code", "code");
        }
        String description = json.text("description", false, 5000);
        List<String> synonyms = json.strings("synonyms", 200);
        Long version = json.version(update);
        json.throwIfInvalid();
        return new MethodInput(code == null ? slug(name) : code, name, description == null ? "" : description,
                synonyms == null ? List.of() : synonyms, version);
    }

    /** "Signs of Safety" -> "signs-of-safety". */
    static String slug(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase()
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    Method toMethod(@Nullable Long id, @Nullable Long version, @Nullable Instant createdAt) {
        return new Method(id, code, name, description, synonyms, version, createdAt, null);
    }
}
