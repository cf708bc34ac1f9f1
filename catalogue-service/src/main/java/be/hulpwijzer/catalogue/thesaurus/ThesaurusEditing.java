package be.hulpwijzer.catalogue.thesaurus;

import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Keeping the thesaurus, for the API and the pages: a change is checked, written with its audit entry, and once
 * committed announced ({@link ThesaurusChanged}) so that search applies it at once.
 */
@Singleton
public class ThesaurusEditing {

    private final ThesaurusStore store;
    private final ReferenceData reference;
    private final ApplicationEventPublisher<ThesaurusChanged> changes;

    ThesaurusEditing(ThesaurusStore store, ReferenceData reference, ApplicationEventPublisher<ThesaurusChanged> changes) {
        this.store = store;
        this.reference = reference;
        this.changes = changes;
    }

    public List<ThesaurusGroupView> list() {
        return store.list();
    }

    /** Adds a group from its JSON ({"terms": [...], "lifeDomain": ..., "moduleType": ...}); 400 when it is not one. */
    public ThesaurusGroupView add(String json, String by) {
        ThesaurusInput input = ThesaurusInput.read(JsonFields.parse(json), reference.codes(reference.lifeDomains()),
                reference.codes(reference.moduleTypes()));
        ThesaurusGroupView added = store.add(input, by);
        changes.publishEvent(new ThesaurusChanged());
        return added;
    }

    public void remove(long id, String by) {
        store.remove(id, by);
        changes.publishEvent(new ThesaurusChanged());
    }
}
