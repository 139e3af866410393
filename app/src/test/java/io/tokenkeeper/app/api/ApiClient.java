package io.tokenkeeper.app.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls one running server from its own loopback address (127.0.x.y; Linux routes all of 127/8 to the loopback), so
 * that the failures one test provokes never throttle another test's requests.
 */
final class ApiClient {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10 * 256);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final InetAddress address;
    private final HttpClient http;

    ApiClient(int port) {
        this(port, nextAddress());
    }

    ApiClient(int port, InetAddress address) {
        this.port = port;
        this.address = address;
        this.http = HttpClient.newBuilder()
                .localAddress(address)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static InetAddress nextAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) (n / 250), (byte) (1 + n % 250)});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    String address() {
        return address.getHostAddress();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> get(String path, String authorization) {
        return send(request(path).header("Authorization", authorization).GET());
    }

    HttpResponse<String> getAnonymously(String path) {
        return send(request(path).GET());
    }

    /** The OpenAPI document. The first request builds it, which can take longer than a request should on a busy machine. */
    HttpResponse<String> openApiDocument() {
        return send(request("/api/openapi").timeout(Duration.ofMinutes(1)).GET());
    }

    /** Sends {@code request}; an answer that breaks the served OpenAPI document fails the test. */
    HttpResponse<String> send(HttpRequest.Builder request) {
        var response = sendUnchecked(request);
        OpenApiContract.servedOn(port).check(response);
        return response;
    }

    private HttpResponse<String> sendUnchecked(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends {@code headerLines} (each without its line end) as a GET of {@code path} byte for byte, for what
     * {@link HttpClient} refuses to send, and returns the raw response head and body.
     */
    RawResponse raw(String path, String... headerLines) {
        var request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
        for (var line : headerLines) {
            request.append(line).append("\r\n");
        }
        return rawRequest(request.append("Connection: close\r\n\r\n").toString());
    }

    /** Sends {@code request} (request line, headers, blank line, body) byte for byte; returns the raw response. */
    RawResponse rawRequest(String request) {
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new RawResponse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    record RawResponse(String text) {

        int status() {
            return Integer.parseInt(text.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
        }

        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }
}
