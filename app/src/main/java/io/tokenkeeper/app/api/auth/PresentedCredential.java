package io.tokenkeeper.app.api.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * What one {@code Authorization} header offers: a token value, and with HTTP Basic the username beside it. The scheme
 * name is case-insensitive (RFC 9110, section 11.1), so {@code bearer} works too; exactly one space separates it from
 * the credential, and anything else around the value makes it malformed. {@link #toString()} never shows the value.
 *
 * @param username the HTTP Basic username, or {@code null} for a bearer token
 */
public record PresentedCredential(String value, @Nullable String username) {

    /** Longer than any Basic credential a token and a username can make: refuse before decoding. */
    private static final int MAX_BASIC_LENGTH = 512;

    private static final String BEARER = "Bearer";
    private static final String BASIC = "Basic";

    /** The credential in {@code header}, or {@code null} for an unknown scheme or undecodable Basic credentials. */
    public static @Nullable PresentedCredential parse(String header) {
        int space = header.indexOf(' ');
        if (isScheme(header, space, BEARER)) {
            return new PresentedCredential(header.substring(space + 1), null);
        }
        if (isScheme(header, space, BASIC)) {
            return basic(header.substring(space + 1));
        }
        return null;
    }

    /**
     * Whether the header's scheme, before its first space, is {@code scheme} in any case. Compared in place, without
     * cutting the scheme out: this runs on every API request.
     */
    private static boolean isScheme(String header, int space, String scheme) {
        return space == scheme.length() && header.regionMatches(true, 0, scheme, 0, space);
    }

    private static @Nullable PresentedCredential basic(String encoded) {
        if (encoded.isEmpty() || encoded.length() > MAX_BASIC_LENGTH) {
            return null;
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException notBasic) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new PresentedCredential(decoded.substring(colon + 1), decoded.substring(0, colon));
    }

    @Override
    public String toString() {
        return username == null ? "PresentedCredential[bearer]" : "PresentedCredential[basic]";
    }
}
