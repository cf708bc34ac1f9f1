package be.hulpwijzer.catalogue.freshness;

import be.hulpwijzer.catalogue.api.JsonFields;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A coordinator's verification of an organisation: which parts were checked with the organisation
 * (its contact details, its offer, its waiting times), a note, and how many modules it had then.
 */
public record Verification(Instant verifiedAt, String verifiedBy, List<String> checked, @Nullable String note, int modules) {

    /** What can be verified, in the order the page lists it. */
    public static final List<String> PARTS = List.of("contact", "offer", "waiting");

    /** What was checked, read from the request's JSON: at least one part. */
    record Input(List<String> checked, @Nullable String note) {

        static Input read(JsonFields json) {
            json.allowOnly(Set.of("checked", "note"));
            List<String> checked = json.codes("checked", true, PARTS::contains, "verification.unknownPart");
            String note = json.text("note", false, 1000);
            json.throwIfInvalid();
            return new Input(checked, note);
        }
    }
}
