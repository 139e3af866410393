package io.tokenkeeper.domain.user;

import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.Text;
import io.tokenkeeper.domain.base.TokenShape;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An address to reach a person at. Deliberately loose (a local part, one {@code @}, a domain with a dot): the
 * only real check of an address is a mail that arrives.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    private static final String EXAMPLE = "Enter an email address like name@example.com.";

    public EmailAddress {
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInputException("email", "Use at most " + MAX_LENGTH + " characters.");
        }
        int at = value.indexOf('@');
        boolean wellFormed = at > 0
                && at == value.lastIndexOf('@')
                && value.indexOf('.', at + 2) > 0
                && !value.endsWith(".")
                && value.codePoints().noneMatch(Text::isSpace)
                && !Text.hasInvisibleCharacter(value);
        if (!wellFormed) {
            throw new InvalidInputException("email", EXAMPLE);
        }
        TokenShape.refuseIn("email", value);
    }

    /** An empty or blank input means "no address". */
    public static Optional<EmailAddress> optional(@Nullable String raw) {
        String text = Text.normalise(raw);
        return text.isEmpty() ? Optional.empty() : Optional.of(new EmailAddress(text));
    }

    @Override
    public String toString() {
        return value;
    }
}
