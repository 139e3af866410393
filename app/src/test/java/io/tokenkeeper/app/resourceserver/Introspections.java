package io.tokenkeeper.app.resourceserver;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks {@code /oauth2/introspect} about a token over real HTTP, as a resource server does, and waits for changes that
 * reach the credential cache within a second.
 */
final class Introspections {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Introspections() {}

    /** @param form e.g. {@code token=tkp_…&client_ip=203.0.113.7}; colons are encoded here */
    static HttpResponse<String> introspect(int port, String authorization, String form) throws Exception {
        var encoded = form.replace(":", URLEncoder.encode(":", StandardCharsets.UTF_8));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/introspect"))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(encoded))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code Basic base64(client_id:secret)}. */
    static String basic(String clientId, String secret) {
        return "Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    interface Call<T> {
        T get() throws Exception;
    }

    /** Repeats the call until its result passes or a second has gone; the last result either way. */
    static <T> T within1Second(Call<T> call, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        var result = call.get();
        while (!done.test(result) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            result = call.get();
        }
        return result;
    }
}
