package be.hulpwijzer.catalogue.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the request says about its client, believed only from the proxies named in
 * {@code hulpwijzer.trusted-proxies} ({@code HULPWIJZER_TRUSTED_PROXIES}, addresses separated by commas):
 * the client's address ({@code X-Forwarded-For}) and whether it came over HTTPS ({@code X-Forwarded-Proto}
 * or {@code Forwarded: proto=https}). From anyone else these headers are ignored, so a client cannot pose
 * as another address to escape login throttling.
 */
@Singleton
public class Proxies {

    private final Set<String> trusted;

    public Proxies(@Value("${hulpwijzer.trusted-proxies:}") String trusted) {
        this.trusted = Arrays.stream(trusted.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** The client's address: the connection's, or the nearest one a trusted proxy forwarded. */
    public String clientAddress(HttpRequest<?> request) {
        String remote = remote(request);
        if (!trusted.contains(remote)) {
            return remote;
        }
        List<String> hops = request.getHeaders().getAll("X-Forwarded-For").stream()
                .flatMap(h -> Arrays.stream(h.split(","))).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted.contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return remote;
    }

    /** Whether the client reached us over HTTPS: directly, or as a trusted proxy says. */
    public boolean secure(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        if (!trusted.contains(remote(request))) {
            return false;
        }
        String proto = request.getHeaders().get("X-Forwarded-Proto");
        String forwarded = request.getHeaders().get(HttpHeaders.FORWARDED);
        return proto != null && proto.strip().toLowerCase(Locale.ROOT).startsWith("https")
                || forwarded != null && forwarded.toLowerCase(Locale.ROOT).replace(" ", "").contains("proto=https");
    }

    private static String remote(HttpRequest<?> request) {
        InetSocketAddress address = request.getRemoteAddress();
        return address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
    }
}
