package be.hulpwijzer.catalogue.organisation;

import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.security.Ownership;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.catalogue.api.ForbiddenException;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Creates and changes organisations from a client's JSON, for the API and the editing pages alike; an
 * enterprise number (KBO) belongs to one organisation only. Every write asks {@link Ownership} first.
 */
@Singleton
public class OrganisationWriter {

    private final OrganisationRepository organisations;
    private final ReferenceData reference;
    private final Ownership ownership;

    OrganisationWriter(OrganisationRepository organisations, ReferenceData reference, Ownership ownership) {
        this.ownership = ownership;
        this.organisations = organisations;
        this.reference = reference;
    }

    /** Only administrators add organisations. */
    public Organisation create(@Nullable Authentication caller, String json) {
        if (!Roles.isAdmin(caller)) {
            throw new ForbiddenException(Messages.get("status.403"));
        }
        OrganisationInput input = OrganisationInput.read(JsonFields.parse(json), reference, false);
        requireFreeEnterpriseNumber(input, null);
        return organisations.save(Organisation.create(input));
    }

    public Organisation update(@Nullable Authentication caller, long id, String json) {
        ownership.requireMayChange(caller, Ownership.Entry.ORGANISATION, id);
        OrganisationInput input = OrganisationInput.read(JsonFields.parse(json), reference, true);
        Organisation current = organisations.get(id);
        requireFreeEnterpriseNumber(input, id);
        return organisations.update(current.changedTo(input, input.version()));
    }

    public void delete(@Nullable Authentication caller, long id) {
        ownership.requireMayDeleteOrganisation(caller, id);
        organisations.delete(organisations.get(id));
    }

    private void requireFreeEnterpriseNumber(OrganisationInput input, Long ownId) {
        if (input.enterpriseNumber() == null) {
            return;
        }
        organisations.findByEnterpriseNumber(input.enterpriseNumber())
                .filter(other -> !other.id().equals(ownId))
                .ifPresent(other -> {
                    throw new InvalidRequestException(List.of(new FieldError("enterpriseNumber", "kbo.taken",
                            Messages.get("kbo.taken", EnterpriseNumber.format(input.enterpriseNumber())))));
                });
    }
}
