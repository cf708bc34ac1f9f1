package be.hulpwijzer.web.session;

import be.hulpwijzer.catalogue.security.Principals;
import be.hulpwijzer.catalogue.security.Sessions;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.claims.ClaimsAudienceProvider;
import io.micronaut.security.token.claims.JtiGenerator;
import io.micronaut.security.token.config.TokenConfiguration;
import io.micronaut.security.token.jwt.generator.claims.JWTClaimsSetGenerator;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Signs a new session's id into every login cookie made for an account (see {@link Sessions}). */
@Singleton
@Replaces(JWTClaimsSetGenerator.class)
final class SessionClaims extends JWTClaimsSetGenerator {

    private final io.micronaut.context.BeanProvider<Sessions> sessions;
    private final Clock clock;

    SessionClaims(TokenConfiguration tokenConfiguration, @io.micronaut.core.annotation.Nullable JtiGenerator jwtIdGenerator,
                  @io.micronaut.core.annotation.Nullable ClaimsAudienceProvider claimsAudienceProvider,
                  @io.micronaut.core.annotation.Nullable ApplicationConfiguration applicationConfiguration,
                  io.micronaut.context.BeanProvider<Sessions> sessions, Clock clock) {
        super(tokenConfiguration, jwtIdGenerator, claimsAudienceProvider, applicationConfiguration);
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    protected void populateWithAuthentication(JWTClaimsSet.Builder builder, Authentication authentication) {
        super.populateWithAuthentication(builder, authentication);
        if (authentication.getAttributes().get(Principals.ACCOUNT_ID) instanceof Number account) {
            builder.claim(Sessions.CLAIM, sessions.get().open(account.longValue(), clock.instant()));
        }
    }
}
