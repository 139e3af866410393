import io.tokenkeeper.domain.token.TokenSecret;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Writes random, well-formed token values that no one has, one per line, for the load benchmark's flood. Run with the
 * source launcher: {@code java -cp domain/target/classes bench/load/RandomTokens.java 10000 > tokens}.
 */
final class RandomTokens {

    private RandomTokens() {}

    public static void main(String[] args) throws IOException {
        int count = args.length == 0 ? 10_000 : Integer.parseInt(args[0]);
        var random = new SecureRandom();
        var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII));
        for (int i = 0; i < count; i++) {
            out.write(TokenSecret.generate(random).reveal());
            out.newLine();
        }
        out.flush();
    }
}
