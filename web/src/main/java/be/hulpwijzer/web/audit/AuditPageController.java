package be.hulpwijzer.web.audit;

import be.hulpwijzer.catalogue.audit.AuditController;
import be.hulpwijzer.catalogue.audit.AuditController.Change;
import be.hulpwijzer.catalogue.module.HelpModule;
import be.hulpwijzer.catalogue.module.ModuleRepository;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * "Wijzigingen": the audit log of one organisation as a page: when (Dutch date and time), who, which
 * entry by its title, and per field its label with the old and new value in words; filtered by entry and
 * by person. For coordinators, administrators and the organisation's own editors (the API's rule).
 */
@Controller("/wijzigingen")
@Secured({Roles.ADMIN, Roles.COORDINATOR, Roles.EDITOR})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditPageController {

    /** How far back the page reads; the filters choose within it. */
    private static final int READ = 1000;
    private static final int SHOWN = 200;

    private final AuditController audit;
    private final OrganisationRepository organisations;
    private final ModuleRepository modules;
    private final AuditWording wording;

    AuditPageController(AuditController audit, OrganisationRepository organisations, ModuleRepository modules, AuditWording wording) {
        this.audit = audit;
        this.organisations = organisations;
        this.modules = modules;
        this.wording = wording;
    }

    @Get("/{id}")
    HttpResponse<?> page(long id, Authentication caller, @Nullable @QueryValue String item, @Nullable @QueryValue String wie) {
        List<Change> all = audit.changes(id, READ, caller).stream().filter(wording::worthShowing).toList();
        Map<Long, String> titles = modules.findByOrganisationIdOrderByTitle(id).stream()
                .collect(Collectors.toMap(HelpModule::id, HelpModule::title));
        Map<String, String> entries = new LinkedHashMap<>();
        all.forEach(c -> entries.putIfAbsent(key(c), wording.what(c, titles).replaceFirst("^[^·]+· ", "")));
        List<Change> shown = all.stream()
                .filter(c -> item == null || item.isBlank() || key(c).equals(item))
                .filter(c -> wie == null || wie.isBlank() || c.actor().equals(wie))
                .limit(SHOWN).toList();

        Map<String, Object> model = Models.page(Texts.get("auditTitle", organisations.get(id).name()));
        model.put("id", id);
        model.put("changes", shown.stream().map(c -> Map.of(
                "at", Dutch.dateTime(c.at()),
                "actor", c.actor(),
                "what", wording.what(c, titles),
                "fields", wording.lines(c))).toList());
        model.put("none", shown.isEmpty());
        model.put("entries", entries.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(e -> Map.of("code", e.getKey(), "name", e.getValue(), "selected", e.getKey().equals(item))).toList());
        model.put("actors", all.stream().map(Change::actor).collect(Collectors.toCollection(TreeSet::new)).stream()
                .map(a -> Map.of("code", a, "selected", a.equals(wie))).toList());
        return HttpResponse.ok(new ModelAndView<>("audit", model));
    }

    /** An entry's key for the filter: an availability belongs to its module. */
    private static String key(Change change) {
        return ("availability".equals(change.entity()) ? "module" : change.entity()) + "-" + change.entityId();
    }
}
