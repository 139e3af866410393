package io.tokenkeeper.app.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are hashed. bcrypt reads at most 72 bytes, fewer than the 128 characters the password policy allows
 * (a 128-character passphrase with accents is over 200 bytes), so new hashes are bcrypt over a keyed SHA-256 of the
 * whole password ({@code {bcrypt-sha256}}): every character counts, at bcrypt's cost. The HMAC key is a fixed label,
 * not a secret; it only keeps these digests apart from plain SHA-256 digests of the same password elsewhere.
 * Hashes written before ({@code {bcrypt}}) still verify.
 */
final class Passwords {

    static final String ID = "bcrypt-sha256";

    private Passwords() {}

    static PasswordEncoder encoder() {
        var encoders = new HashMap<String, PasswordEncoder>();
        var bcrypt = new BCryptPasswordEncoder();
        encoders.put(ID, new PrehashedBcrypt(bcrypt));
        encoders.put("bcrypt", bcrypt);
        return new DelegatingPasswordEncoder(ID, encoders);
    }

    private record PrehashedBcrypt(BCryptPasswordEncoder bcrypt) implements PasswordEncoder {

        private static final byte[] KEY = "tokenkeeper-password-v1".getBytes(StandardCharsets.US_ASCII);

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(prehash(rawPassword));
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return bcrypt.matches(prehash(rawPassword), encodedPassword);
        }

        /** 44 Base64 characters: well inside bcrypt's 72 bytes, and no NUL byte to cut it short. */
        private static String prehash(CharSequence rawPassword) {
            try {
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
                byte[] digest = mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(digest);
            } catch (GeneralSecurityException impossible) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
            }
        }
    }
}
