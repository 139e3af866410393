package io.tokenkeeper.domain.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Passwords that lists of breached passwords show people choose most: about 43 000 of them, shipped with the
 * application (no network). A new password is refused when, ignoring case, it is one of them, one of them with only
 * digits and punctuation around it ("Password1234!"), one word repeated, or a run along the keyboard or the digits.
 */
final class CommonPasswords {

    private static final String RESOURCE = "common-passwords.txt";
    private static final int MIN_CORE = 6;
    private static final String[] RUNS = {
        "0123456789012345678901234567890", "9876543210987654321098765432109", "abcdefghijklmnopqrstuvwxyz",
        "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm", "qazwsxedcrfvtgbyhnujmikolp"
    };

    private static final Set<String> LIST = load();

    private CommonPasswords() {}

    static boolean contains(CharSequence password) {
        var text = password.toString().toLowerCase(Locale.ROOT);
        if (LIST.contains(text) || isRepetition(text) || isRun(text)) {
            return true;
        }
        int start = 0;
        int end = text.length();
        while (start < end && isDecoration(text.charAt(start))) {
            start++;
        }
        while (end > start && isDecoration(text.charAt(end - 1))) {
            end--;
        }
        var core = text.substring(start, end);
        return core.length() >= MIN_CORE && (LIST.contains(core) || isRepetition(core));
    }

    /** One short piece said again and again: "abcabcabcabc", "aaaaaaaaaaaa". */
    private static boolean isRepetition(String text) {
        for (int period = 1; period <= text.length() / 2; period++) {
            if (text.length() % period == 0
                    && text.equals(text.substring(0, period).repeat(text.length() / period))) {
                return true;
            }
        }
        return false;
    }

    /** A stretch of the alphabet, the digits or a keyboard row, forwards or backwards. */
    private static boolean isRun(String text) {
        for (var run : RUNS) {
            if (run.contains(text)
                    || new StringBuilder(run).reverse().toString().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDecoration(char c) {
        return (c >= '0' && c <= '9') || (c < 128 && !Character.isLetterOrDigit(c));
    }

    private static Set<String> load() {
        var list = new HashSet<String>(64_000);
        try (var reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(CommonPasswords.class.getResourceAsStream(RESOURCE), RESOURCE),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    list.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the list of common passwords", e);
        }
        return Set.copyOf(list);
    }
}
