package be.hulpwijzer.web.editing;

import be.hulpwijzer.catalogue.method.MethodRepository;
import be.hulpwijzer.catalogue.module.HelpModule;
import be.hulpwijzer.catalogue.reference.CodeName;
import be.hulpwijzer.catalogue.reference.Languages;
import be.hulpwijzer.catalogue.reference.Municipality;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.web.editing.FormField.Kind;
import be.hulpwijzer.web.editing.FormField.Option;
import be.hulpwijzer.web.page.Texts;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;

/** The four editing forms, their fields named after the API's JSON and labelled from the message bundle. */
@Singleton
class Forms {

    private final ReferenceData reference;
    private final MethodRepository methods;
    private final be.hulpwijzer.catalogue.module.ModuleRepository modules;

    Forms(ReferenceData reference, MethodRepository methods, be.hulpwijzer.catalogue.module.ModuleRepository modules) {
        this.modules = modules;
        this.reference = reference;
        this.methods = methods;
    }

    EntityForm organisation() {
        return new EntityForm(List.of(
                field("name", Kind.TEXT, true),
                field("sector", Kind.SELECT, true).options(codes(reference.sectors())),
                field("enterpriseNumber", Kind.TEXT, false).hint(Texts.get("form.hint.enterpriseNumber")),
                field("website", Kind.URL, false),
                field("email", Kind.EMAIL, false),
                field("phone", Kind.TEL, false),
                field("description", Kind.TEXTAREA, false)));
    }

    EntityForm location() {
        return new EntityForm(List.of(
                field("name", Kind.TEXT, true),
                field("street", Kind.TEXT, false),
                field("postcode", Kind.TEXT, true),
                field("municipality", Kind.TEXT, false).hint(Texts.get("form.hint.municipality"))
                        .words(new FormField.Words(this::municipalityName, this::municipalityCode)),
                field("openingHoursText", Kind.TEXTAREA, false).hint(Texts.get("form.hint.openingHours")),
                field("hoursNote", Kind.TEXT, false).hint(Texts.get("form.hint.hoursNote")),
                field("latitude", Kind.DECIMAL, false).hint(Texts.get("form.hint.coordinates")),
                field("longitude", Kind.DECIMAL, false),
                field("confidential", Kind.CHECKBOX, false).hint(Texts.get("form.hint.confidential"))));
    }

    EntityForm module() {
        return new EntityForm(List.of(
                field("title", Kind.TEXT, true),
                field("description", Kind.TEXTAREA, false),
                field("type", Kind.SELECT, true).options(codes(reference.moduleTypes())),
                field("setting", Kind.SELECT, true).options(translated("setting.", HelpModule.SETTINGS)),
                field("access", Kind.SELECT, true).options(translated("access.", HelpModule.ACCESS)),
                field("ageMinMonths", Kind.NUMBER, true).hint(Texts.get("form.hint.ageMonths"))
                        .words(new FormField.Words(m -> AgeWords.words(Integer.parseInt(m), false), t -> AgeWords.months(t, false))),
                field("ageMaxMonths", Kind.NUMBER, false).hint(Texts.get("form.hint.ageMaxMonths"))
                        .words(new FormField.Words(m -> AgeWords.words(Integer.parseInt(m), true), t -> AgeWords.months(t, true))),
                field("lifeDomains", Kind.CHECKBOXES, true).options(codes(reference.lifeDomains())),
                field("zones", Kind.CHECKBOXES, true).options(zones()),
                field("methods", Kind.CHECKBOXES, false).options(methods.listOrderByName().stream()
                        .map(m -> new Option(m.code(), m.name())).toList()),
                field("languages", Kind.CHECKBOXES, false).hint(Texts.get("form.hint.languages"))
                        .options(Languages.OFFERED.stream().map(code -> new Option(code, Languages.name(code))).toList()),
                field("intensity", Kind.TEXT, false),
                field("cost", Kind.TEXT, false),
                field("referralProcedure", Kind.TEXTAREA, false),
                field("referralPreparation", Kind.TEXTAREA, false),
                field("contact.name", Kind.TEXT, false),
                field("contact.phone", Kind.TEL, false),
                field("contact.email", Kind.EMAIL, false),
                field("status", Kind.SELECT, true).options(translated("moduleStatus.", HelpModule.STATUSES))));
    }

    /** An engagement of this organisation: the modules it concerns are chosen among the organisation's own. */
    EntityForm engagement(long organisationId) {
        return new EntityForm(List.of(
                field("title", Kind.TEXT, true),
                field("description", Kind.TEXTAREA, false),
                field("targetGroup", Kind.TEXT, false),
                field("capacityPerMonth", Kind.NUMBER, false),
                field("responseTimeDays", Kind.NUMBER, false),
                field("zones", Kind.CHECKBOXES, true).options(zones()),
                field("validFrom", Kind.DATE, true),
                field("validTo", Kind.DATE, false),
                field("contactName", Kind.TEXT, false),
                field("contactPhone", Kind.TEL, false),
                field("contactEmail", Kind.EMAIL, false),
                field("moduleIds", Kind.IDS, false).hint(Texts.get("form.hint.moduleIds"))
                        .options(modules.findByOrganisationIdOrderByTitle(organisationId).stream()
                                .map(m -> new Option(String.valueOf(m.id()), m.title())).toList())));
    }

    /** A municipality by its name ("Brugge" for 31005). */
    private String municipalityName(String nisCode) {
        Municipality municipality = reference.municipalitiesByNis().get(nisCode);
        return municipality == null ? nisCode : municipality.name();
    }

    /** A typed municipality name as its NIS code; a NIS code as it is; anything else as typed (the API names it). */
    private String municipalityCode(String typed) {
        String name = typed.strip();
        return reference.municipalities().stream().filter(m -> m.name().equalsIgnoreCase(name) || m.nisCode().equals(name))
                .map(Municipality::nisCode).findFirst().orElse(name);
    }

    private static FormField field(String name, Kind kind, boolean required) {
        return FormField.of(name, Texts.get("form." + name), kind, required);
    }

    private static List<Option> codes(List<CodeName> vocabulary) {
        return vocabulary.stream().map(c -> new Option(c.code(), c.name())).toList();
    }

    private static List<Option> translated(String prefix, List<String> codes) {
        return codes.stream().map(c -> new Option(c, Texts.get(prefix + c))).toList();
    }

    /** Zones by province, then name, so a province's zones stand together. */
    private List<Option> zones() {
        return reference.zones().stream()
                .sorted(Comparator.comparing((be.hulpwijzer.catalogue.reference.Zone z) -> z.province()).thenComparing(z -> z.name()))
                .map(z -> new Option(z.code(), z.name() + " (" + z.province() + ")")).toList();
    }
}
