package be.hulpwijzer.catalogue.module;

import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.method.MethodRepository;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.security.Ownership;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/**
 * Creates and changes modules from a client's JSON, for the API and the editing pages alike: the same
 * checks, the same Dutch messages, the same optimistic lock (a stale version is refused, nothing overwritten).
 * Every write asks {@link Ownership} first, with the id it is about to write.
 */
@Singleton
public class ModuleWriter {

    private final ModuleRepository modules;
    private final OrganisationRepository organisations;
    private final MethodRepository methods;
    private final ReferenceData reference;
    private final Ownership ownership;

    ModuleWriter(ModuleRepository modules, OrganisationRepository organisations, MethodRepository methods,
                 ReferenceData reference, Ownership ownership) {
        this.ownership = ownership;
        this.modules = modules;
        this.organisations = organisations;
        this.methods = methods;
        this.reference = reference;
    }

    public HelpModule create(@Nullable Authentication caller, long organisationId, String json) {
        ownership.requireMayChange(caller, Ownership.Entry.ORGANISATION, organisationId);
        ModuleInput input = read(json, false);
        organisations.get(organisationId);
        return modules.save(HelpModule.create(organisationId, input));
    }

    public HelpModule update(@Nullable Authentication caller, long id, String json) {
        ownership.requireMayChange(caller, Ownership.Entry.MODULE, id);
        ModuleInput input = read(json, true);
        return modules.update(modules.get(id).changedTo(input, input.version()));
    }

    public void delete(@Nullable Authentication caller, long id) {
        ownership.requireMayChange(caller, Ownership.Entry.MODULE, id);
        modules.delete(modules.get(id));
    }

    private ModuleInput read(String body, boolean update) {
        return ModuleInput.read(JsonFields.parse(body), reference, code -> methods.findByCode(code).isPresent(), update);
    }
}
