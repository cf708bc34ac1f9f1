package be.hulpwijzer.web.audit;

import be.hulpwijzer.catalogue.audit.AuditController;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Wijzigingen": the audit log of one organisation as a page — who changed what, when, from what to what.
 * For coordinators, administrators and the organisation's own editors (the API's rule: 403 otherwise).
 */
@Controller("/wijzigingen")
@Secured({Roles.ADMIN, Roles.COORDINATOR, Roles.EDITOR})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditPageController {

    private static final int SHOWN = 200;
    private static final int VALUE_LENGTH = 80;
    /** Bookkeeping columns every change touches; not worth a line. */
    private static final Set<String> IGNORED = Set.of("version", "updated_at", "created_at", "token_hash");

    private final AuditController audit;
    private final OrganisationRepository organisations;

    AuditPageController(AuditController audit, OrganisationRepository organisations) {
        this.audit = audit;
        this.organisations = organisations;
    }

    @Get("/{id}")
    HttpResponse<?> page(long id, Authentication caller) {
        List<AuditController.Change> changes = audit.changes(id, SHOWN, caller);
        Map<String, Object> model = Models.page(Texts.get("auditTitle", organisations.get(id).name()));
        model.put("changes", changes.stream().map(c -> Map.of(
                "at", Dutch.dateTime(c.at()),
                "actor", c.actor(),
                "what", Texts.get("audit." + c.action()) + " · " + Texts.get("auditEntity." + c.entity()) + " " + c.entityId(),
                "fields", fields(c.before(), c.after()))).toList());
        model.put("none", changes.isEmpty());
        return HttpResponse.ok(new ModelAndView<>("audit", model));
    }

    /** "field: before → after" for every field that differs. */
    private static List<String> fields(@Nullable JsonNode before, @Nullable JsonNode after) {
        Set<String> names = new TreeSet<>();
        for (JsonNode node : new JsonNode[]{before, after}) {
            if (node != null) {
                Iterator<String> it = node.fieldNames();
                it.forEachRemaining(names::add);
            }
        }
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            String was = value(before, name);
            String is = value(after, name);
            if (!IGNORED.contains(name) && !was.equals(is)) {
                lines.add(name + ": " + (was.isEmpty() ? "–" : was) + " → " + (is.isEmpty() ? "–" : is));
            }
        }
        return lines;
    }

    private static String value(@Nullable JsonNode row, String name) {
        if (row == null || !row.has(name) || row.get(name).isNull()) {
            return "";
        }
        JsonNode value = row.get(name);
        String text = value.isTextual() ? value.asText() : value.toString();
        return text.length() <= VALUE_LENGTH ? text : text.substring(0, VALUE_LENGTH) + "…";
    }
}
