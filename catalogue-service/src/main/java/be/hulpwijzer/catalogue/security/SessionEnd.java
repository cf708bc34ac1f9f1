package be.hulpwijzer.catalogue.security;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.event.LogoutEvent;
import jakarta.inject.Singleton;

/** Logging out closes the session the login cookie named, so that a copy of the cookie no longer works. */
@Singleton
final class SessionEnd {

    private final Sessions sessions;

    SessionEnd(Sessions sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void loggedOut(LogoutEvent event) {
        if (event.getSource() instanceof Authentication authentication
                && authentication.getAttributes().get(Sessions.CLAIM) instanceof String id) {
            sessions.close(id);
        }
    }
}
