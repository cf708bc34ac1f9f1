package be.hulpwijzer.catalogue.organisation;

import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Creates and changes organisations from a client's JSON, for the API and the editing pages alike; an
 * enterprise number (KBO) belongs to one organisation only.
 */
@Singleton
public class OrganisationWriter {

    private final OrganisationRepository organisations;
    private final ReferenceData reference;

    OrganisationWriter(OrganisationRepository organisations, ReferenceData reference) {
        this.organisations = organisations;
        this.reference = reference;
    }

    public Organisation create(String json) {
        OrganisationInput input = OrganisationInput.read(JsonFields.parse(json), reference, false);
        requireFreeEnterpriseNumber(input, null);
        return organisations.save(Organisation.create(input));
    }

    public Organisation update(long id, String json) {
        OrganisationInput input = OrganisationInput.read(JsonFields.parse(json), reference, true);
        Organisation current = organisations.get(id);
        requireFreeEnterpriseNumber(input, id);
        return organisations.update(current.changedTo(input, input.version()));
    }

    public void delete(long id) {
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
