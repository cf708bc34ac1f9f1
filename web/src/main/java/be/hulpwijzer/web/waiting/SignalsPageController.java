package be.hulpwijzer.web.waiting;

import be.hulpwijzer.catalogue.reference.CodeName;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.indexer.signals.Signals;
import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Signalen: what was searched, per month, that found no help or no room. For coordinators and administrators. */
@Controller("/signalen")
@Secured({Roles.COORDINATOR, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class SignalsPageController {

    private final Signals signals;
    private final ReferenceData reference;

    SignalsPageController(Signals signals, ReferenceData reference) {
        this.signals = signals;
        this.reference = reference;
    }

    @Get
    HttpResponse<?> page() {
        Map<String, Object> model = Models.page(Texts.get("signalsTitle"));
        model.put("signals", signals.between(null, null, null, 200).stream().map(s -> Map.of(
                "month", s.month(),
                "what", describe(s),
                "searches", s.searches(),
                "withoutResults", s.withoutResults(),
                "withoutRoomNow", s.withoutRoomNow())).toList());
        return HttpResponse.ok(new ModelAndView<>("signals", model));
    }

    /** "12-17 jaar · psychisch welzijn · Westhoek · angst". */
    private String describe(Signals.Signal s) {
        List<String> parts = new java.util.ArrayList<>();
        if (s.ageBand() != null) {
            parts.add(s.ageBand().equals("zwangerschap") ? Texts.get("agePregnancy") : Texts.get("years", s.ageBand()));
        }
        s.domains().forEach(d -> parts.add(name(reference.lifeDomains(), d)));
        s.types().forEach(t -> parts.add(name(reference.moduleTypes(), t)));
        s.zones().forEach(z -> parts.add(reference.zonesByCode().containsKey(z) ? reference.zonesByCode().get(z).name() : z));
        if (!s.terms().isEmpty()) {
            parts.add("\u201c" + String.join(" ", s.terms()) + "\u201d");
        }
        return parts.isEmpty() ? Texts.get("signalsAnything") : String.join(" · ", parts);
    }

    private static String name(List<CodeName> vocabulary, String code) {
        return vocabulary.stream().filter(c -> c.code().equals(code)).map(CodeName::name).findFirst().orElse(code);
    }
}
