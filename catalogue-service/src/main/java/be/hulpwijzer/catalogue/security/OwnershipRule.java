package be.hulpwijzer.catalogue.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides who may change an organisation's entries: editors and tokens only their
 * own organisations' (403 otherwise), administrators everything. Applies to every write under /api/v1
 * that names an organisation, a module, a location or an engagement, and to the pages that change them; the routes' own {@code @Secured}
 * still refuses anonymous callers (401) and roles that may not write at all.
 */
@Singleton
final class OwnershipRule implements SecurityRule<HttpRequest<?>> {

    /** Before the {@code @Secured} annotation rule, so that a wrong owner is refused whatever the route allows. */
    static final int ORDER = -300;
    private static final Pattern OWNED = Pattern.compile("^/api/v1/(organisations|modules|locations|engagements)/(\\d+)(/.*)?$");
    /** The pages that change a module's availability ("wachtlijsten bijwerken"). */
    private static final Pattern OWNED_PAGE = Pattern.compile("^/wachtlijsten/(\\d+)(/.*)?$");
    /** The editing pages: their forms are closed to other organisations' editors too, not only their posts. */
    private static final Pattern EDITING_PAGE = Pattern.compile("^/beheer/(organisaties|modules|locaties|engagementen)/(\\d+)(/.*)?$");

    /** Lazily: authentication beans are looked up while the data layer that Principals needs is being built. */
    private final io.micronaut.context.BeanProvider<Principals> principals;
    private final ExecutorService blocking;

    OwnershipRule(io.micronaut.context.BeanProvider<Principals> principals, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.principals = principals;
        this.blocking = blocking;
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null || authentication == null || Roles.isAdmin(authentication)
                || !(authentication.getRoles().contains(Roles.EDITOR) || authentication.getRoles().contains(Roles.ORGANISATION_TOKEN))) {
            // administrators may change everything; coordinators' rights are their routes' (@Secured) and zones
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        Matcher owned = OWNED.matcher(request.getPath());
        Matcher page = OWNED_PAGE.matcher(request.getPath());
        Matcher editing = EDITING_PAGE.matcher(request.getPath());
        boolean reading = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        String table;
        String digits;
        if (editing.matches()) {
            table = switch (editing.group(1)) {
                case "organisaties" -> "organisations";
                case "locaties" -> "locations";
                case "engagementen" -> "engagements";
                default -> "modules";
            };
            digits = editing.group(2);
        } else if (reading) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        } else if (owned.matches()) {
            table = owned.group(1);
            digits = owned.group(2);
        } else if (page.matches()) {
            table = "modules";
            digits = page.group(1);
        } else {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        long id = Long.parseLong(digits.length() > 18 ? "0" : digits);
        CompletableFuture<SecurityRuleResult> decision = CompletableFuture.supplyAsync(() -> principals.get().owner(table, id)
                .map(owner -> Roles.organisations(authentication).contains(owner) ? SecurityRuleResult.UNKNOWN
                        : SecurityRuleResult.REJECTED)
                .orElse(SecurityRuleResult.UNKNOWN), blocking);
        return Publishers.fromCompletableFuture(() -> decision);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
