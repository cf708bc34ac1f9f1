package be.hulpwijzer.catalogue.module;

import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.method.MethodRepository;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import jakarta.inject.Singleton;

/**
 * Creates and changes modules from a client's JSON, for the API and the editing pages alike: the same
 * checks, the same Dutch messages, the same optimistic lock (a stale version is refused, nothing overwritten).
 */
@Singleton
public class ModuleWriter {

    private final ModuleRepository modules;
    private final OrganisationRepository organisations;
    private final MethodRepository methods;
    private final ReferenceData reference;

    ModuleWriter(ModuleRepository modules, OrganisationRepository organisations, MethodRepository methods,
                 ReferenceData reference) {
        this.modules = modules;
        this.organisations = organisations;
        this.methods = methods;
        this.reference = reference;
    }

    public HelpModule create(long organisationId, String json) {
        ModuleInput input = read(json, false);
        organisations.get(organisationId);
        return modules.save(HelpModule.create(organisationId, input));
    }

    public HelpModule update(long id, String json) {
        ModuleInput input = read(json, true);
        return modules.update(modules.get(id).changedTo(input, input.version()));
    }

    public void delete(long id) {
        modules.delete(modules.get(id));
    }

    private ModuleInput read(String body, boolean update) {
        return ModuleInput.read(JsonFields.parse(body), reference, code -> methods.findByCode(code).isPresent(), update);
    }
}
