package be.hulpwijzer.indexer.hsds;

import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.method.Method;
import be.hulpwijzer.catalogue.method.MethodRepository;
import be.hulpwijzer.catalogue.module.HelpModule;
import be.hulpwijzer.catalogue.reference.CodeName;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vocabularies Hulpwijzer classifies with, published as HSDS taxonomies with stable URIs
 * ({@code urn:hulpwijzer:taxonomy:life-domain}) and terms ({@code urn:hulpwijzer:life-domain:wonen}):
 * module type, setting, access, life domain, sector, method and eerstelijnszone.
 */
@Singleton
public class HsdsTaxonomies {

    /** One vocabulary: its code in our URIs, its Dutch name and description. */
    public record Taxonomy(String code, String name, String description) {

        public String id() {
            return HsdsIds.named("taxonomy/" + code);
        }

        public String uri() {
            return "urn:hulpwijzer:taxonomy:" + code;
        }
    }

    /** One term of a vocabulary. */
    public record Term(Taxonomy taxonomy, String code, String name) {

        public String id() {
            return HsdsIds.named("taxonomy/" + taxonomy.code() + "/" + code);
        }

        public String uri() {
            return "urn:hulpwijzer:" + taxonomy.code() + ":" + code;
        }
    }

    public static final Taxonomy TYPE = new Taxonomy("module-type", "Soort hulp", "De vorm van de hulp (module), zoals consult of begeleiding.");
    public static final Taxonomy SETTING = new Taxonomy("setting", "Setting", "Waar de hulp plaatsvindt: mobiel, ambulant of residentieel.");
    public static final Taxonomy ACCESS = new Taxonomy("access", "Toegang",
            "Hoe de hulp toegankelijk is: rechtstreeks (RTJ), via de intersectorale toegangspoort (NRTJ), crisis of vrij.");
    public static final Taxonomy DOMAIN = new Taxonomy("life-domain", "Levensdomein", "Het levensdomein waarop de hulp zich richt.");
    public static final Taxonomy SECTOR = new Taxonomy("sector", "Sector", "De sector van de organisatie (CAW, CGG, CKG, ...).");
    public static final Taxonomy METHOD = new Taxonomy("method", "Methodiek", "Werkwijzen en methodieken die de hulp toepast.");
    public static final Taxonomy ZONE = new Taxonomy("zone", "Eerstelijnszone",
            "De eerstelijnszones (ELZ) van Vlaanderen en Brussel waar de hulp geboden wordt.");
    public static final List<Taxonomy> ALL = List.of(TYPE, SETTING, ACCESS, DOMAIN, SECTOR, METHOD, ZONE);

    private final ReferenceData reference;
    private final MethodRepository methods;

    HsdsTaxonomies(ReferenceData reference, MethodRepository methods) {
        this.reference = reference;
        this.methods = methods;
    }

    /** Every term of every vocabulary, by its UUID. */
    public Map<String, Term> terms() {
        Map<String, Term> terms = new LinkedHashMap<>();
        List<Term> all = new ArrayList<>();
        reference.moduleTypes().forEach(c -> all.add(new Term(TYPE, c.code(), c.name())));
        HelpModule.SETTINGS.forEach(s -> all.add(new Term(SETTING, s, Messages.get("label.setting." + s))));
        HelpModule.ACCESS.forEach(a -> all.add(new Term(ACCESS, a, Messages.get("label.access." + a))));
        reference.lifeDomains().forEach(c -> all.add(new Term(DOMAIN, c.code(), c.name())));
        reference.sectors().forEach(c -> all.add(new Term(SECTOR, c.code(), c.name())));
        methods.listOrderByName().forEach(m -> all.add(new Term(METHOD, m.code(), m.name())));
        reference.zones().forEach(z -> all.add(new Term(ZONE, z.code(), z.name())));
        all.forEach(t -> terms.put(t.id(), t));
        return terms;
    }

    public Optional<Taxonomy> taxonomy(String id) {
        return ALL.stream().filter(t -> t.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The term of a code in a vocabulary (its name falls back to the code). */
    public Term term(Taxonomy taxonomy, String code) {
        String name = switch (taxonomy.code()) {
            case "module-type" -> CodeName.nameOf(reference.moduleTypes(), code);
            case "life-domain" -> CodeName.nameOf(reference.lifeDomains(), code);
            case "sector" -> CodeName.nameOf(reference.sectors(), code);
            case "setting" -> Messages.get("label.setting." + code);
            case "access" -> Messages.get("label.access." + code);
            case "method" -> methods.findByCode(code).map(Method::name).orElse(code);
            case "zone" -> Optional.ofNullable(reference.zonesByCode().get(code)).map(Zone::name).orElse(code);
            default -> code;
        };
        return new Term(taxonomy, code, name);
    }
}
