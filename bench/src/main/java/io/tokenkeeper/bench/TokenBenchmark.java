package io.tokenkeeper.bench;

import io.tokenkeeper.domain.token.TokenDigest;
import io.tokenkeeper.domain.token.TokenFormatProblem;
import io.tokenkeeper.domain.token.TokenSecret;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Token creation and the per-request check of a presented value. {@link #parseAndDigest()} is the path every API
 * request takes before the digest is looked up; it should stay under 1 µs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TokenBenchmark {

    private SecureRandom random;
    private String valid;
    private String wrongChecksum;
    private String garbage;
    private TokenSecret secret;

    @Setup
    public void createValues() {
        random = new SecureRandom();
        secret = TokenSecret.generate(random);
        valid = secret.reveal();
        wrongChecksum = withLastCharacterChanged(valid);
        garbage = printableAscii(random, TokenSecret.LENGTH);
        expect(valid, TokenFormatProblem.NONE);
        expect(wrongChecksum, TokenFormatProblem.CHECKSUM);
        if (TokenSecret.check(garbage) == TokenFormatProblem.NONE) {
            throw new IllegalStateException("The garbage value happens to be a well-formed token.");
        }
    }

    /** Includes drawing 32 random characters from a {@link SecureRandom}, which dominates. */
    @Benchmark
    public TokenSecret generate() {
        return TokenSecret.generate(random);
    }

    @Benchmark
    public Optional<TokenSecret> parseValid() {
        return TokenSecret.parse(valid);
    }

    @Benchmark
    public TokenDigest parseAndDigest() {
        return TokenSecret.parse(valid).orElseThrow().digest();
    }

    /** A mistyped or truncated copy: every character is scanned and the CRC32 computed before it is rejected. */
    @Benchmark
    public Optional<TokenSecret> rejectWrongChecksum() {
        return TokenSecret.parse(wrongChecksum);
    }

    /** Something that is not a token at all, such as a password sent as a bearer token. */
    @Benchmark
    public Optional<TokenSecret> rejectGarbage() {
        return TokenSecret.parse(garbage);
    }

    @Benchmark
    public TokenDigest digestOnly() {
        return secret.digest();
    }

    /** The checksum's last digit replaced by another Base62 digit, so only the checksum is wrong. */
    private static String withLastCharacterChanged(String value) {
        int last = value.length() - 1;
        char replacement = value.charAt(last) == '0' ? '1' : '0';
        return value.substring(0, last) + replacement;
    }

    private static String printableAscii(SecureRandom random, int length) {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt('~' - '!' + 1)));
        }
        return text.toString();
    }

    private static void expect(String value, TokenFormatProblem problem) {
        TokenFormatProblem actual = TokenSecret.check(value);
        if (actual != problem) {
            throw new IllegalStateException("Expected " + problem + " for a benchmark value but got " + actual + ".");
        }
    }
}
