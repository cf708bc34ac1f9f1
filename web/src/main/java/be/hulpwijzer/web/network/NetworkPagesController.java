package be.hulpwijzer.web.network;

import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/** Which organisations practise which method; which commitments to the network are in force. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@io.micronaut.http.annotation.Produces(io.micronaut.http.MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class NetworkPagesController {

    private final NetworkOverview overview;
    private final Clock clock;

    NetworkPagesController(NetworkOverview overview, Clock clock) {
        this.overview = overview;
        this.clock = clock;
    }

    @Get("/methodieken")
    HttpResponse<?> methods() {
        Map<String, Object> model = Models.page(Texts.get("methodsTitle"));
        model.put("methods", overview.methods());
        return HttpResponse.ok(new ModelAndView<>("methods", model));
    }

    @Get("/engagementen")
    HttpResponse<?> engagements() {
        Map<String, Object> model = Models.page(Texts.get("engagementsTitle"));
        model.put("engagements", overview.engagementsInForce(LocalDate.ofInstant(clock.instant(), Dutch.BRUSSELS)));
        return HttpResponse.ok(new ModelAndView<>("engagements", model));
    }
}
