package be.hulpwijzer.catalogue.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** Accepts an organisation's API token (looked up by its hash, never stored in clear). */
@Singleton
final class OrganisationTokenValidator implements TokenValidator<HttpRequest<?>> {

    /** Lazily: authentication beans are looked up while the data layer that Principals needs is being built. */
    private final io.micronaut.context.BeanProvider<Principals> principals;
    private final ExecutorService blocking;

    OrganisationTokenValidator(io.micronaut.context.BeanProvider<Principals> principals, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.principals = principals;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (!token.startsWith("hw_")) {
            return Publishers.empty();
        }
        CompletableFuture<Optional<Authentication>> found = CompletableFuture.supplyAsync(() -> principals.get().byToken(token), blocking);
        return Publishers.fromCompletableFuture(() -> found.thenApply(a -> a.orElse(null)));
    }
}
