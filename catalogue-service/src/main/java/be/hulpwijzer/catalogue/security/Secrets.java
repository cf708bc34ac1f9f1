package be.hulpwijzer.catalogue.security;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Passwords (bcrypt, cost 12: slow on purpose) and API tokens (256 random bits, stored as SHA-256). */
public final class Secrets {

    private static final int COST = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A fixed hash to compare against when the account does not exist, so timing does not tell. */
    private static final String NOBODY = BCrypt.withDefaults().hashToString(COST, "nobody".toCharArray());

    private Secrets() {
    }

    public static String hashPassword(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public static boolean passwordMatches(String password, String hash) {
        return BCrypt.verifyer().verify(password.toCharArray(), hash == null ? NOBODY : hash).verified && hash != null;
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "hw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hashToken(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
