package be.hulpwijzer.web.selfservice;

import be.hulpwijzer.catalogue.api.ConflictException;
import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.ForbiddenException;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.availability.AvailabilityService;
import be.hulpwijzer.catalogue.availability.AvailabilityView;
import be.hulpwijzer.catalogue.module.HelpModule;
import be.hulpwijzer.catalogue.module.ModuleRepository;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.catalogue.security.Audited;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.web.page.Csrf;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.ErrorPage;
import be.hulpwijzer.web.page.FieldMessages;
import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Wachtlijsten bijwerken": all of an organisation's modules on one page, each with its availability
 * form and a one-click "nog steeds correct". Post/redirect/get; a wrong field or someone else's newer
 * save shows the page again with the message next to the module and what was typed kept.
 */
@Controller("/wachtlijsten")
@Secured({Roles.EDITOR, Roles.ADMIN, Roles.COORDINATOR})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class WaitingListsController {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The form's labels by the API's field names, so messages name what the editor sees. */
    private static final Map<String, String> LABELS = Map.of("state", Texts.get("waitingState"),
            "freePlaces", Texts.get("waitingFreePlaces"), "waiting", Texts.get("waitingWaiting"),
            "expectedWaitDays", Texts.get("waitingDays"), "expectedFirstContactDays", Texts.get("waitingFirstContact"),
            "note", Texts.get("waitingNote"));

    private final ModuleRepository modules;
    private final OrganisationRepository organisations;
    private final AvailabilityService availability;
    private final Csrf csrf;
    private final Clock clock;

    WaitingListsController(ModuleRepository modules, OrganisationRepository organisations,
                           AvailabilityService availability, Csrf csrf, Clock clock) {
        this.modules = modules;
        this.organisations = organisations;
        this.availability = availability;
        this.csrf = csrf;
        this.clock = clock;
    }

    @Get
    HttpResponse<?> page(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue Long bijgewerkt) {
        if (Roles.organisations(caller).isEmpty() && caller.getRoles().contains(Roles.COORDINATOR)) {
            return HttpResponse.seeOther(URI.create("/coordinatie")); // a coordinator keeps no waiting lists: their zones first
        }
        Map<String, Object> model = model(request, caller, Map.of(), Map.of());
        if (bijgewerkt != null) {
            model.put("saved", Texts.get("waitingSaved"));
        }
        return HttpResponse.ok(new ModelAndView<>("waiting-lists", model));
    }

    @Post("/{id}")
    @Secured({Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited
    HttpResponse<?> update(long id, HttpRequest<?> request, @Body Map<String, String> form, Authentication caller) {
        if (!csrf.validForm(request, form)) {
            return ErrorPage.csrfRefused();
        }
        try {
            availability.update(caller, id, json(form));
        } catch (InvalidRequestException e) {
            return again(request, caller, id, form, e.errors().stream().map(error -> FieldMessages.say(error, LABELS::get)).toList(), 400);
        } catch (ConflictException | OptimisticLockException e) {
            return again(request, caller, id, form, List.of(Texts.get("waitingConflict")), 409);
        }
        return HttpResponse.seeOther(URI.create("/wachtlijsten?bijgewerkt=" + id + "#module-" + id));
    }

    @Post("/{id}/bevestigen")
    @Secured({Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited
    HttpResponse<?> confirm(long id, HttpRequest<?> request, @Body Map<String, String> form, Authentication caller) {
        if (!csrf.validForm(request, form)) {
            return ErrorPage.csrfRefused();
        }
        try {
            availability.confirm(caller, id, Long.parseLong(form.getOrDefault("version", "-1")));
        } catch (ConflictException e) {
            return again(request, caller, id, Map.of(), List.of(e.getMessage()), 409);
        } catch (OptimisticLockException | NumberFormatException e) {
            return again(request, caller, id, Map.of(), List.of(Texts.get("waitingConflict")), 409);
        }
        return HttpResponse.seeOther(URI.create("/wachtlijsten?bijgewerkt=" + id + "#module-" + id));
    }

    private HttpResponse<?> again(HttpRequest<?> request, Authentication caller, long id, Map<String, String> typed,
                                  List<String> errors, int status) {
        Map<String, Object> model = model(request, caller, Map.of(id, typed), Map.of(id, errors));
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status)).body(new ModelAndView<>("waiting-lists", model));
    }

    private Map<String, Object> model(HttpRequest<?> request, Authentication caller, Map<Long, Map<String, String>> typed,
                                      Map<Long, List<String>> errors) {
        Map<String, Object> model = Models.page(Texts.get("waitingTitle"));
        model.put("csrf", csrf.token(request));
        List<Map<String, Object>> groups = new ArrayList<>();
        for (long organisationId : Roles.organisations(caller)) {
            organisations.findById(organisationId).ifPresent(o -> {
                List<HelpModule> active = modules.findByOrganisationIdOrderByTitle(organisationId).stream()
                        .filter(m -> "active".equals(m.status())).toList();
                Map<Long, AvailabilityView> current = availability.current(active.stream().map(HelpModule::id).toList());
                List<Map<String, Object>> rows = active.stream()
                        .map(m -> row(m, current.get(m.id()), typed.get(m.id()), errors.get(m.id()))).toList();
                groups.add(Map.of("name", o.name(), "modules", rows));
            });
        }
        model.put("organisations", groups);
        model.put("noOrganisations", groups.isEmpty());
        model.put("coordinator", caller.getRoles().contains(Roles.COORDINATOR) || Roles.isAdmin(caller));
        model.put("editor", caller.getRoles().contains(Roles.EDITOR) || Roles.isAdmin(caller));
        return model;
    }

    private Map<String, Object> row(HelpModule m, @Nullable AvailabilityView current, @Nullable Map<String, String> typed,
                                    @Nullable List<String> errors) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", m.id());
        row.put("title", m.title());
        row.put("version", current == null ? "" : String.valueOf(current.version()));
        row.put("badge", current == null ? Texts.get("badgeUnknown")
                : Dutch.availability(current.state(), current.freePlaces(), current.expectedWaitDays()));
        row.put("freshness", current == null ? "" : Dutch.freshness(current.confirmedAt(), clock.instant()));
        row.put("stale", current == null || current.stale());
        String state = value(typed, "state", current == null ? "unknown" : current.state());
        row.put("states", List.of("free", "waiting", "closed", "unknown").stream()
                .map(s -> Map.of("code", s, "name", Texts.get("state." + s), "selected", s.equals(state))).toList());
        row.put("freePlaces", value(typed, "freePlaces", current == null || current.freePlaces() == null ? "" : String.valueOf(current.freePlaces())));
        row.put("waiting", value(typed, "waiting", current == null || current.waiting() == null ? "" : String.valueOf(current.waiting())));
        row.put("expectedWaitDays", value(typed, "expectedWaitDays", current == null || current.expectedWaitDays() == null ? ""
                : String.valueOf(current.expectedWaitDays())));
        row.put("expectedFirstContactDays", value(typed, "expectedFirstContactDays",
                current == null || current.expectedFirstContactDays() == null ? "" : String.valueOf(current.expectedFirstContactDays())));
        row.put("waitUnknown", typed != null ? typed.containsKey("waitUnknown") : current != null && current.waitUnknown());
        row.put("note", value(typed, "note", current == null || current.note() == null ? "" : current.note()));
        row.put("errors", errors == null ? List.of() : errors);
        row.put("canConfirm", current != null && !"unknown".equals(current.state()));
        return row;
    }

    private static String value(@Nullable Map<String, String> typed, String field, String saved) {
        return typed != null && typed.containsKey(field) ? typed.get(field) : saved;
    }

    /** The form as the API's JSON: numbers where a number was typed, text otherwise (so the API names the error). */
    private static String json(Map<String, String> form) {
        ObjectNode json = JSON.createObjectNode();
        json.put("waitUnknown", !form.getOrDefault("waitUnknown", "").isBlank());
        for (String field : List.of("state", "freePlaces", "waiting", "expectedWaitDays", "expectedFirstContactDays", "note", "version")) {
            String value = form.getOrDefault(field, "").strip();
            if (value.isEmpty()) {
                continue;
            }
            if (!field.equals("state") && !field.equals("note") && value.matches("-?\\d{1,9}")) {
                json.put(field, Long.parseLong(value));
            } else {
                json.put(field, value);
            }
        }
        return json.toString();
    }
}
