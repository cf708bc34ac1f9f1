package be.hulpwijzer.web.page;

import be.hulpwijzer.catalogue.security.Roles;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells every page who is signed in, so that the header shows the pages of their role and a way to sign
 * out wherever they are (a shared computer at the lokaal infopunt must never stay signed in by accident).
 * Only what the header shows: the name and which menu to offer; the decisions stay with the handlers.
 */
@Singleton
public class SignedInModel implements ViewModelProcessor<Map<String, Object>> {

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> modelAndView) {
        Authentication caller = request.getUserPrincipal(Authentication.class).orElse(null);
        if (caller == null || modelAndView.getModel().isEmpty()) {
            return;
        }
        Map<String, Object> signedIn = new LinkedHashMap<>();
        signedIn.put("name", caller.getName());
        signedIn.put("editor", caller.getRoles().contains(Roles.EDITOR) || Roles.isAdmin(caller));
        signedIn.put("network", caller.getRoles().contains(Roles.COORDINATOR) || Roles.isAdmin(caller));
        Map<String, Object> model = new LinkedHashMap<>(modelAndView.getModel().get());
        model.put("signedIn", signedIn);
        modelAndView.setModel(model);
    }
}
