package be.hulpwijzer.indexer.document;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Turns modules and engagements into Lucene documents. Field names are constants; each field's type
 * follows from how it is used: text fields are analysed for search, StringFields are exact filters,
 * points are ranges, doc values sort and rank, facet fields count.
 */
public final class DocumentMapper {

    // identity: upsert and delete by ID term
    public static final String ID = "id";
    public static final String KIND = "kind";
    public static final String MODULE_ID = "module_id";
    public static final String ORGANISATION_ID = "organisation_id";
    // text: ALL carries every searchable word; TITLE and ORGANISATION again for their extra weight
    public static final String ALL = "all";
    public static final String TITLE = "title";
    public static final String ORGANISATION = "organisation";
    public static final String DESCRIPTION = "description";
    public static final String SPELL = "spell";
    // exact filters (and facets where noted)
    public static final String ZONE = "zone";
    public static final String MUNICIPALITY = "municipality";
    public static final String DOMAIN = "domain";
    public static final String TYPE = "type";
    public static final String ACCESS = "access";
    /** Stored only: what the help costs, as the organisation wrote it, for the result card. */
    public static final String COST = "cost";
    public static final String SETTING = "setting";
    public static final String SECTOR = "sector";
    public static final String METHOD = "method";
    public static final String LANGUAGE = "language";
    public static final String AVAILABILITY = "availability";
    // ranges, sorting, ranking
    public static final String AGE_MIN = "age_min";
    public static final String AGE_MAX = "age_max";
    public static final String WAIT_DAYS = "wait_days";
    public static final String CONFIRMED_AT = "confirmed_at";
    public static final String FREE_PLACES = "free_places";
    public static final String VALID_FROM = "valid_from";
    public static final String VALID_TO = "valid_to";
    public static final String LOCATION = "location";
    // stored for display only
    public static final String ORGANISATION_NAME = "organisation_name";
    public static final String ZONES_STORED = "zones_stored";
    public static final String TARGET_GROUP = "target_group";
    public static final String CAPACITY = "capacity";
    public static final String RESPONSE_DAYS = "response_days";

    public static final String MODULE = "module";
    public static final String ENGAGEMENT = "engagement";

    /** "No upper age" is indexed as this, so one range query serves both. */
    public static final int OPEN_AGE = Integer.MAX_VALUE;
    /** Unknown or closed waiting sorts after every known wait. */
    public static final int NO_WAIT_KNOWN = Integer.MAX_VALUE;

    /** Confirmation time (doc values) of a module whose availability was never confirmed: before every other. */
    public static final long NEVER_CONFIRMED = 0;

    /** The facet dimensions; multi-valued where a module has several values. */
    public static final List<String> FACETS = List.of(ZONE, DOMAIN, TYPE, ACCESS, SECTOR, AVAILABILITY);

    /** Description keeps offsets so the highlighter needs no re-analysis. */
    private static final FieldType DESCRIPTION_TYPE = new FieldType(TextField.TYPE_STORED);

    /** Spelling suggestions only ask whether and how often a word occurs: no positions, no lengths. */
    private static final FieldType SPELL_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        SPELL_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        SPELL_TYPE.setOmitNorms(true);
        SPELL_TYPE.freeze();
        DESCRIPTION_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        DESCRIPTION_TYPE.freeze();
    }

    private final FacetsConfig facets = new FacetsConfig();

    public DocumentMapper() {
        facets.setMultiValued(ZONE, true);
        facets.setMultiValued(DOMAIN, true);
    }

    public FacetsConfig facetsConfig() {
        return facets;
    }

    /** The index field holding every facet value (drill-down terms and doc values). */
    public String facetField() {
        return facets.getDimConfig(ZONE).indexFieldName;
    }

    public static String moduleKey(long id) {
        return MODULE + ":" + id;
    }

    public static String engagementKey(long id) {
        return ENGAGEMENT + ":" + id;
    }

    public Document module(ModuleSource m) {
        Document doc = new Document();
        doc.add(new StringField(ID, moduleKey(m.id()), Field.Store.NO));
        doc.add(new StringField(KIND, MODULE, Field.Store.NO));
        doc.add(new StoredField(MODULE_ID, m.id()));
        doc.add(new NumericDocValuesField(MODULE_ID, m.id()));
        doc.add(new StoredField(ORGANISATION_ID, m.organisationId()));
        doc.add(new StoredField(ORGANISATION_NAME, m.organisationName()));

        String all = String.join(" ", m.title(), m.description(), m.organisationName(), m.typeName(),
                nonNull(m.methodText()), nonNull(m.referralProcedure()));
        doc.add(new TextField(ALL, all, Field.Store.NO));
        doc.add(new Field(SPELL, all, SPELL_TYPE));
        doc.add(new TextField(TITLE, m.title(), Field.Store.YES));
        doc.add(new TextField(ORGANISATION, m.organisationName(), Field.Store.NO));
        doc.add(new Field(DESCRIPTION, m.description(), DESCRIPTION_TYPE));

        for (String zone : m.zones()) {
            doc.add(new StringField(ZONE, zone, Field.Store.NO));
            doc.add(new StoredField(ZONES_STORED, zone));
            doc.add(new SortedSetDocValuesFacetField(ZONE, zone));
        }
        m.municipalities().forEach(nis -> doc.add(new StringField(MUNICIPALITY, nis, Field.Store.NO)));
        m.points().forEach(p -> doc.add(new LatLonDocValuesField(LOCATION, p.latitude(), p.longitude())));
        for (String domain : m.lifeDomains()) {
            doc.add(new StringField(DOMAIN, domain, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(DOMAIN, domain));
        }
        exact(doc, TYPE, m.type(), true);
        exact(doc, ACCESS, m.access(), true);
        exact(doc, SECTOR, m.sector(), true);
        exact(doc, SETTING, m.setting(), false);
        m.methods().forEach(method -> doc.add(new StringField(METHOD, method, Field.Store.NO)));
        m.languages().forEach(language -> doc.add(new StringField(LANGUAGE, language, Field.Store.YES)));
        if (m.cost() != null && !m.cost().isBlank()) {
            doc.add(new StoredField(COST, m.cost()));
        }

        doc.add(new IntPoint(AGE_MIN, m.ageMinMonths()));
        doc.add(new NumericDocValuesField(AGE_MIN, m.ageMinMonths()));
        doc.add(new StoredField(AGE_MIN, m.ageMinMonths()));
        int ageMax = m.ageMaxMonths() == null ? OPEN_AGE : m.ageMaxMonths();
        doc.add(new IntPoint(AGE_MAX, ageMax));
        doc.add(new NumericDocValuesField(AGE_MAX, ageMax));
        if (m.ageMaxMonths() != null) {
            doc.add(new StoredField(AGE_MAX, m.ageMaxMonths()));
        }

        String state = m.state();
        exact(doc, AVAILABILITY, state, true);
        int waitDays = waitDays(state, m.expectedWaitDays());
        doc.add(new IntPoint(WAIT_DAYS, waitDays));
        doc.add(new NumericDocValuesField(WAIT_DAYS, waitDays));
        if (m.expectedWaitDays() != null) {
            doc.add(new StoredField(WAIT_DAYS, m.expectedWaitDays()));
        }
        if (m.freePlaces() != null) {
            doc.add(new StoredField(FREE_PLACES, m.freePlaces()));
        }
        if (m.confirmedAt() != null) {
            long millis = m.confirmedAt().toEpochMilli();
            doc.add(new NumericDocValuesField(CONFIRMED_AT, millis));
            doc.add(new StoredField(CONFIRMED_AT, millis));
        } else {
            doc.add(new NumericDocValuesField(CONFIRMED_AT, NEVER_CONFIRMED));
        }
        return doc;
    }

    public Document engagement(EngagementSource e) {
        Document doc = new Document();
        doc.add(new StringField(ID, engagementKey(e.id()), Field.Store.YES));
        doc.add(new StringField(KIND, ENGAGEMENT, Field.Store.NO));
        denseDocValues(doc);
        doc.add(new StoredField(ORGANISATION_ID, e.organisationId()));
        doc.add(new StoredField(ORGANISATION_NAME, e.organisationName()));
        doc.add(new TextField(ALL, String.join(" ", e.title(), e.description(), nonNull(e.targetGroup()),
                e.organisationName()), Field.Store.NO));
        doc.add(new TextField(TITLE, e.title(), Field.Store.YES));
        doc.add(new TextField(ORGANISATION, e.organisationName(), Field.Store.NO));
        doc.add(new Field(DESCRIPTION, e.description(), DESCRIPTION_TYPE));
        if (e.targetGroup() != null) {
            doc.add(new StoredField(TARGET_GROUP, e.targetGroup()));
        }
        if (e.capacityPerMonth() != null) {
            doc.add(new StoredField(CAPACITY, e.capacityPerMonth()));
        }
        if (e.responseTimeDays() != null) {
            doc.add(new StoredField(RESPONSE_DAYS, e.responseTimeDays()));
        }
        for (String zone : e.zones()) {
            doc.add(new StringField(ZONE, zone, Field.Store.NO));
            doc.add(new StoredField(ZONES_STORED, zone));
        }
        long validTo = e.validTo() == null ? Long.MAX_VALUE : e.validTo().toEpochDay();
        doc.add(new NumericDocValuesField(VALID_FROM, e.validFrom().toEpochDay()));
        doc.add(new NumericDocValuesField(VALID_TO, validTo));
        doc.add(new StoredField(VALID_FROM, e.validFrom().toString()));
        if (e.validTo() != null) {
            doc.add(new StoredField(VALID_TO, e.validTo().toString()));
        }
        return doc;
    }

    /**
     * Engagements carry the doc values of modules too, with neutral values (and the points beside them, as a
     * field has one schema in the whole index): a doc values field present in every
     * document of a segment is read by position, without the per-block index a sparse field needs, and ranking
     * reads it for every hit.
     */
    private static void denseDocValues(Document doc) {
        doc.add(new NumericDocValuesField(MODULE_ID, 0));
        doc.add(new IntPoint(AGE_MIN, 0));
        doc.add(new NumericDocValuesField(AGE_MIN, 0));
        doc.add(new IntPoint(AGE_MAX, OPEN_AGE));
        doc.add(new NumericDocValuesField(AGE_MAX, OPEN_AGE));
        doc.add(new IntPoint(WAIT_DAYS, NO_WAIT_KNOWN));
        doc.add(new NumericDocValuesField(WAIT_DAYS, NO_WAIT_KNOWN));
        doc.add(new NumericDocValuesField(CONFIRMED_AT, NEVER_CONFIRMED));
    }

    /** Waiting days as sorted and filtered: free is 0, an unknown wait sorts last. */
    public static int waitDays(String state, Integer expectedWaitDays) {
        return switch (state) {
            case "free" -> 0;
            case "waiting" -> expectedWaitDays == null ? NO_WAIT_KNOWN - 1 : expectedWaitDays;
            default -> NO_WAIT_KNOWN;
        };
    }

    private static void exact(Document doc, String field, String value, boolean facet) {
        doc.add(new StringField(field, value, Field.Store.YES));
        if (facet) {
            doc.add(new SortedSetDocValuesFacetField(field, value));
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

}
