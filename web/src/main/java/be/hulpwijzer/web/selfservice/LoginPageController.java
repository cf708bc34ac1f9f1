package be.hulpwijzer.web.selfservice;

import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** The login form; the form posts to Micronaut's login endpoint, which sets the signed cookie. */
@Controller("/login")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
class LoginPageController {

    @Get
    HttpResponse<?> form(@Nullable @QueryValue String fout) {
        Map<String, Object> model = Models.page(Texts.get("loginTitle"));
        if (fout != null) {
            model.put("error", Texts.get("loginFailed"));
        }
        return HttpResponse.ok(new ModelAndView<>("login", model));
    }
}
