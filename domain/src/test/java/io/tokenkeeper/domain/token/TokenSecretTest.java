package io.tokenkeeper.domain.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenSecretTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** Checksums and digests of these two values were computed with Python's zlib and hashlib. */
    private static final String ZEROS = "tkp_0000000000000000000000000000000007RTfa";

    private static final String ZEROS_SHA256 = "414550efae5f10288a941e51068dca17f019c08c495e0637215630c05b814e00";
    private static final String LETTERS = "tkp_abcdefghijklmnopqrstuvwxyzABCDEF3e7pPY";
    private static final String LETTERS_SHA256 = "eb7266bb7c7a42d730e87f0d577bb82f45e41f7fd20e4fbfa8f5857ab8722283";

    @Test
    void accepts_values_whose_checksum_was_computed_elsewhere() {
        assertThat(TokenSecret.check(ZEROS)).isEqualTo(TokenFormatProblem.NONE);
        assertThat(TokenSecret.check(LETTERS)).isEqualTo(TokenFormatProblem.NONE);
        assertThat(TokenSecret.parse(LETTERS))
                .hasValueSatisfying(secret -> assertThat(secret.reveal()).isEqualTo(LETTERS));
    }

    @Test
    void generates_the_known_value_from_all_zero_randomness() {
        assertThat(TokenSecret.generate(new ZeroRandom()).reveal()).isEqualTo(ZEROS);
    }

    @Test
    void generated_values_have_the_prefix_the_length_and_only_base62_characters() {
        SecureRandom random = seededRandom(1);
        for (int i = 0; i < 1_000; i++) {
            String value = TokenSecret.generate(random).reveal();

            assertThat(value).hasSize(42).startsWith("tkp_");
            assertThat(value.substring(4).chars()).allMatch(c -> ALPHABET.indexOf(c) >= 0);
            assertThat(value).isEqualTo(withChecksum(value.substring(0, 36)));
        }
    }

    @Test
    void one_hundred_thousand_generated_values_are_distinct_and_all_parse_back() {
        SecureRandom random = seededRandom(2);
        Set<String> values = new HashSet<>();
        int parsedBack = 0;
        for (int i = 0; i < 100_000; i++) {
            TokenSecret secret = TokenSecret.generate(random);
            values.add(secret.reveal());
            if (TokenSecret.parse(secret.reveal()).filter(secret::equals).isPresent()) {
                parsedBack++;
            }
        }
        assertThat(values).hasSize(100_000);
        assertThat(parsedBack).isEqualTo(100_000);
    }

    @Test
    void every_base62_character_is_equally_likely() {
        SecureRandom random = seededRandom(3);
        int[] counts = new int[128];
        int secrets = 100_000;
        for (int i = 0; i < secrets; i++) {
            String value = TokenSecret.generate(random).reveal();
            for (int j = 4; j < 36; j++) {
                counts[value.charAt(j)]++;
            }
        }
        double expected = secrets * 32 / 62.0;
        for (char c : ALPHABET.toCharArray()) {
            // About seven standard deviations: a modulo bias of even 1/62 would exceed it.
            assertThat(counts[c]).as("count of %s", c).isBetween((int) (expected * 0.97), (int) (expected * 1.03));
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    void reports_a_missing_value(String text) {
        assertThat(TokenSecret.check(text)).isEqualTo(TokenFormatProblem.MISSING);
        assertThat(TokenSecret.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tkq_", "TKP_", "tkp-", "xkp_", " tkp"})
    void reports_a_wrong_prefix(String prefix) {
        String text = prefix + LETTERS.substring(4);

        assertThat(TokenSecret.check(text)).isEqualTo(TokenFormatProblem.PREFIX);
        assertThat(TokenSecret.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"t", "tkp", "Bearer tkp_abc"})
    void reports_a_wrong_prefix_for_short_or_decorated_values(String text) {
        assertThat(TokenSecret.check(text)).isEqualTo(TokenFormatProblem.PREFIX);
    }

    @Test
    void reports_a_wrong_length() {
        assertThat(TokenSecret.check(LETTERS.substring(0, 41))).isEqualTo(TokenFormatProblem.LENGTH);
        assertThat(TokenSecret.check(LETTERS + "0")).isEqualTo(TokenFormatProblem.LENGTH);
        assertThat(TokenSecret.check(LETTERS + " ")).isEqualTo(TokenFormatProblem.LENGTH);
        assertThat(TokenSecret.check("tkp_")).isEqualTo(TokenFormatProblem.LENGTH);
        assertThat(TokenSecret.parse(LETTERS.substring(0, 41))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(chars = {'-', '_', 'é', ' ', '+', '/', '=', '\u0000', '\uFF21', '\u00B2', '\u0660'})
    void reports_a_foreign_character_in_the_random_part(char foreign) {
        String text = replace(LETTERS, 10, foreign);

        assertThat(TokenSecret.check(text)).isEqualTo(TokenFormatProblem.ALPHABET);
        assertThat(TokenSecret.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(chars = {'-', '_', 'é', ' ', '+', '/', '=', '\u0000', '\uFF21', '\u00B2', '\u0660'})
    void reports_a_foreign_character_in_the_checksum(char foreign) {
        String text = replace(LETTERS, 39, foreign);

        assertThat(TokenSecret.check(text)).isEqualTo(TokenFormatProblem.ALPHABET);
        assertThat(TokenSecret.parse(text)).isEmpty();
    }

    @Test
    void reports_any_changed_character_as_a_checksum_error() {
        for (int position = 4; position < 42; position++) {
            for (char replacement : ALPHABET.toCharArray()) {
                if (replacement == LETTERS.charAt(position)) {
                    continue;
                }
                String text = replace(LETTERS, position, replacement);

                assertThat(TokenSecret.check(text)).as(text).isEqualTo(TokenFormatProblem.CHECKSUM);
                assertThat(TokenSecret.parse(text)).isEmpty();
            }
        }
    }

    @Test
    void reports_swapped_neighbours_as_a_checksum_error() {
        for (int position = 4; position < 41; position++) {
            char[] chars = LETTERS.toCharArray();
            chars[position] = LETTERS.charAt(position + 1);
            chars[position + 1] = LETTERS.charAt(position);

            assertThat(TokenSecret.check(new String(chars))).isEqualTo(TokenFormatProblem.CHECKSUM);
        }
    }

    @Test
    void reports_a_body_with_the_checksum_of_another_body() {
        String tampered = ZEROS.substring(0, 36) + LETTERS.substring(36);

        assertThat(TokenSecret.check(tampered)).isEqualTo(TokenFormatProblem.CHECKSUM);
    }

    @Test
    void reports_a_checksum_beyond_32_bits_without_overflowing() {
        assertThat(TokenSecret.check(LETTERS.substring(0, 36) + "zzzzzz")).isEqualTo(TokenFormatProblem.CHECKSUM);
    }

    @Test
    void accepts_a_changed_body_once_its_checksum_is_recomputed() {
        String body = replace(LETTERS, 20, 'Z').substring(0, 36);

        assertThat(TokenSecret.check(withChecksum(body))).isEqualTo(TokenFormatProblem.NONE);
    }

    @Test
    void checks_the_rules_in_order() {
        assertThat(TokenSecret.check("TKP_é")).isEqualTo(TokenFormatProblem.PREFIX);
        assertThat(TokenSecret.check("tkp_é")).isEqualTo(TokenFormatProblem.LENGTH);
        assertThat(TokenSecret.check(replace(LETTERS, 5, '-').substring(0, 36) + "zzzzzz"))
                .isEqualTo(TokenFormatProblem.ALPHABET);
    }

    @Test
    void parses_any_char_sequence() {
        assertThat(TokenSecret.parse(new StringBuilder(LETTERS)))
                .hasValueSatisfying(secret -> assertThat(secret.reveal()).isEqualTo(LETTERS));
    }

    @Test
    void hints_at_the_first_four_random_and_the_last_four_characters() {
        assertThat(parse(ZEROS).hint()).isEqualTo(new TokenHint("tkp_0000…RTfa"));
        assertThat(parse(LETTERS).hint().value()).isEqualTo("tkp_abcd…7pPY");
    }

    @Test
    void never_shows_the_value_in_to_string() {
        SecureRandom random = seededRandom(4);
        for (int i = 0; i < 1_000; i++) {
            TokenSecret secret = TokenSecret.generate(random);

            assertThat(secret.toString())
                    .isEqualTo("TokenSecret[" + secret.hint().value() + "]")
                    .doesNotContain(secret.reveal())
                    .doesNotContain(secret.reveal().substring(4, 36));
        }
    }

    @Test
    void digests_to_the_sha256_of_the_value() throws NoSuchAlgorithmException {
        assertThat(HexFormat.of().formatHex(parse(ZEROS).digest().bytes())).isEqualTo(ZEROS_SHA256);
        assertThat(HexFormat.of().formatHex(parse(LETTERS).digest().bytes())).isEqualTo(LETTERS_SHA256);

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        SecureRandom random = seededRandom(5);
        for (int i = 0; i < 100; i++) {
            TokenSecret secret = TokenSecret.generate(random);
            byte[] expected = sha256.digest(secret.reveal().getBytes(StandardCharsets.US_ASCII));

            assertThat(secret.digest().bytes()).isEqualTo(expected);
            assertThat(secret.digest()).isEqualTo(new TokenDigest(expected));
        }
    }

    @Test
    void gives_different_secrets_different_digests() {
        assertThat(parse(ZEROS).digest()).isNotEqualTo(parse(LETTERS).digest());
    }

    @Test
    void digests_the_same_value_alike_on_many_threads() throws InterruptedException {
        TokenDigest expected = parse(LETTERS).digest();
        Set<TokenDigest> seen = ConcurrentHashMap.newKeySet();
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = Thread.ofVirtual().start(() -> {
                for (int j = 0; j < 1_000; j++) {
                    seen.add(parse(LETTERS).digest());
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(seen).containsExactly(expected);
    }

    @Test
    void is_equal_by_value() {
        assertThat(parse(LETTERS)).isEqualTo(parse(LETTERS)).hasSameHashCodeAs(parse(LETTERS));
        assertThat(parse(LETTERS)).isNotEqualTo(parse(ZEROS));
    }

    private static TokenSecret parse(String value) {
        return TokenSecret.parse(value).orElseThrow();
    }

    private static String replace(String text, int position, char replacement) {
        char[] chars = text.toCharArray();
        chars[position] = replacement;
        return new String(chars);
    }

    /** Appends the checksum, worked out from the most significant digit down. */
    private static String withChecksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long rest = crc.getValue();
        StringBuilder checksum = new StringBuilder();
        for (long power = 62L * 62 * 62 * 62 * 62; power > 0; power /= 62) {
            checksum.append(ALPHABET.charAt((int) (rest / power)));
            rest %= power;
        }
        return body + checksum;
    }

    private static SecureRandom seededRandom(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static final class ZeroRandom extends SecureRandom {

        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
