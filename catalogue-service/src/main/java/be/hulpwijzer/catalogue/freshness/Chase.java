package be.hulpwijzer.catalogue.freshness;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * An organisation a coordinator should chase: its modules not confirmed for 30 days, and whom to ask
 * (its editors by name and e-mail, and the organisation's own phone and e-mail).
 */
public record Chase(long id, String name, List<String> staleModules, @Nullable Instant oldestConfirmation,
                    @Nullable String phone, @Nullable String email, List<Contact> editors) {

    public record Contact(String name, String email) {
    }
}
