package be.hulpwijzer.web.page;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Protects forms that change something against cross-site requests: each form carries a token derived
 * from the login cookie (an HMAC with the session secret); a request without the right one is refused.
 * (The cookie is SameSite=Strict as well.)
 */
@Singleton
public class Csrf {

    public static final String FIELD = "_csrf";
    static final String COOKIE = "JWT";

    private final byte[] secret;

    public Csrf(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String token(HttpRequest<?> request) {
        String session = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse("");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(("csrf:" + session)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a posted form carries this session's token in {@link #FIELD}. */
    public boolean validForm(HttpRequest<?> request, java.util.Map<String, ?> form) {
        return valid(request, form.get(FIELD) instanceof String sent ? sent : null);
    }

    public boolean valid(HttpRequest<?> request, String sent) {
        byte[] expected = token(request).getBytes(StandardCharsets.UTF_8);
        return sent != null && MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.UTF_8));
    }
}
