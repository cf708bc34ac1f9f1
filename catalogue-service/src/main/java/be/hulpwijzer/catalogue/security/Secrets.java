package be.hulpwijzer.catalogue.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Passwords (bcrypt, cost 12: slow on purpose) and API tokens (256 random bits, stored as SHA-256). bcrypt
 * reads at most 72 bytes: a longer passphrase is first hashed with SHA-512 (the library's own strategy), so
 * that all of it counts; shorter ones are hashed as they are, as before.
 */
public final class Secrets {

    private static final int COST = 12;
    private static final LongPasswordStrategy LONG = LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A);
    private static final BCrypt.Hasher HASHER = BCrypt.with(BCrypt.Version.VERSION_2A, LONG);
    private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(BCrypt.Version.VERSION_2A, LONG);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A fixed hash to compare against when the account does not exist, so timing does not tell. */
    private static final String NOBODY = HASHER.hashToString(COST, "nobody".toCharArray());

    private Secrets() {
    }

    public static String hashPassword(String password) {
        return HASHER.hashToString(COST, password.toCharArray());
    }

    public static boolean passwordMatches(String password, String hash) {
        return VERIFYER.verify(password.toCharArray(), hash == null ? NOBODY : hash).verified && hash != null;
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
