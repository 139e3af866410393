package io.tokenkeeper.app.scim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An identity provider's SCIM client, as far as the tests need one: real HTTP to one running server, from a loopback
 * address of its own (127.0.200.x) so that its refusals never throttle another test's requests.
 */
final class ScimClient {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final @Nullable String authorization;
    private final HttpClient http;

    /** @param authorization the whole {@code Authorization} header, or null to send none */
    ScimClient(int port, @Nullable String authorization) {
        this.port = port;
        this.authorization = authorization;
        this.http = HttpClient.newBuilder()
                .localAddress(nextAddress())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static ScimClient withToken(int port, String token) {
        return new ScimClient(port, "Bearer " + token);
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, String json) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer put(String path, String json) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer patch(String path, String json) {
        return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    /** A request with a body of the given type and an answer asked for in the given one; no body when null. */
    Answer exchange(String method, String path, String contentType, String accept, String body) {
        var request = request(path).setHeader("Accept", accept);
        if (body != null) {
            request.setHeader("Content-Type", contentType);
        }
        return send(request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A status code of a plain request to any path of the server with this client's credentials. */
    int status(String path) {
        return get(path).status();
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/scim+json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress nextAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) 200, (byte) (1 + n % 250)});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** What the server answered. */
    record Answer(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        JsonNode json() {
            return JSON.readTree(response.body());
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }

        String body() {
            return response.body();
        }
    }
}
