package be.hulpwijzer.web.selfservice;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.Authenticator;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.handlers.LoginHandler;
import io.micronaut.security.rules.SecurityRule;
import org.reactivestreams.Publisher;

/**
 * {@code POST /login}, in place of Micronaut's login endpoint (switched off in {@code application.yml}): the
 * same authenticator (with its throttling) and the same login handler (cookie, redirect, return after login),
 * but declared to produce HTML as well as JSON, so a client that accepts only HTML gets the redirect a browser
 * gets instead of 406.
 */
@Controller("/login")
@Secured(SecurityRule.IS_ANONYMOUS)
class LoginEndpoint implements be.hulpwijzer.web.page.LoginRoute {

    private final Authenticator<HttpRequest<?>> authenticator;
    private final LoginHandler<HttpRequest<?>, MutableHttpResponse<?>> handler;

    LoginEndpoint(Authenticator<HttpRequest<?>> authenticator, LoginHandler<HttpRequest<?>, MutableHttpResponse<?>> handler) {
        this.authenticator = authenticator;
        this.handler = handler;
    }

    @Post
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    Publisher<MutableHttpResponse<?>> login(@Body UsernamePasswordCredentials credentials, HttpRequest<?> request) {
        return Publishers.map(authenticator.authenticate(request, credentials), (AuthenticationResponse response) ->
                response.isAuthenticated() && response.getAuthentication().isPresent()
                        ? handler.loginSuccess(response.getAuthentication().get(), request)
                        : handler.loginFailed(response, request));
    }
}
