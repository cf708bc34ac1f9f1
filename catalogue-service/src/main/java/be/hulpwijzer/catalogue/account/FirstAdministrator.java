package be.hulpwijzer.catalogue.account;

import be.hulpwijzer.catalogue.db.ReferenceDataStartup;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Creates the first administrator account at start-up from {@code HULPWIJZER_ADMIN_EMAIL} and
 * {@code HULPWIJZER_ADMIN_PASSWORD}, once: only while no administrator account exists.
 */
@Context
class FirstAdministrator {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    FirstAdministrator(ReferenceDataStartup referenceDataLoaded, Accounts accounts,
                       @Value("${hulpwijzer.admin-email:}") String email,
                       @Value("${hulpwijzer.admin-password:}") String password) {
        if (email.isBlank() || password.isBlank() || accounts.anyAdministrator()) {
            return;
        }
        if (password.length() < AccountInput.MIN_PASSWORD) {
            LOG.error("HULPWIJZER_ADMIN_PASSWORD is shorter than {} characters: no administrator account created",
                    AccountInput.MIN_PASSWORD);
            return;
        }
        accounts.create(new AccountInput(email.strip().toLowerCase(), "Beheerder", password, "administrator", List.of(), List.of()));
        LOG.info("Administrator account {} created", email.strip().toLowerCase());
    }
}
