package io.tokenkeeper.app.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signs in over real HTTP the way the browser's form does: opens {@code /login} for a session and the CSRF token the
 * page carries in its {@code <meta name="_csrf">}, then posts the form with both.
 */
public final class SignInForm {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient http;
    private final int port;
    private String session;
    private String csrf;

    public SignInForm(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A form posted from {@code localAddress} (any of 127/8), so that the server sees a client of its own. */
    public SignInForm(int port, java.net.InetAddress localAddress) {
        this.port = port;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .localAddress(localAddress)
                .build();
    }

    /** Opens the sign-in page; returns its response. */
    public HttpResponse<String> open() throws IOException, InterruptedException {
        var page = send(HttpRequest.newBuilder(uri("/login")).GET());
        session = sessionCookie(page).orElseThrow(() -> new AssertionError("/login set no session cookie"));
        var token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new AssertionError("/login carries no CSRF token");
        }
        csrf = token.group(1);
        return page;
    }

    public String session() {
        return session;
    }

    /** Posts the form with the page's session and token. */
    public HttpResponse<String> submit(String username, String password) throws IOException, InterruptedException {
        return post(form(username, password) + "&_csrf=" + encode(csrf), session);
    }

    /** Posts the form as another site would: no token, perhaps a session. */
    public HttpResponse<String> submitWithoutToken(String username, String password, String sessionOrNull)
            throws IOException, InterruptedException {
        return post(form(username, password), sessionOrNull);
    }

    /**
     * Signs the session out the way a page's form would: opens a page of the signed-in session for its CSRF token,
     * then posts it to {@code /logout}.
     */
    public HttpResponse<String> signOut(String signedInSession) throws IOException, InterruptedException {
        var page = get("/", signedInSession);
        var token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new AssertionError("The signed-in page carries no CSRF token: " + page.statusCode());
        }
        var request = HttpRequest.newBuilder(uri("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://127.0.0.1:" + port)
                .header("Cookie", "JSESSIONID=" + signedInSession)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(token.group(1))));
        return send(request);
    }

    public HttpResponse<String> get(String path, String sessionOrNull) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path)).GET();
        if (sessionOrNull != null) {
            request.header("Cookie", "JSESSIONID=" + sessionOrNull);
        }
        return send(request);
    }

    private HttpResponse<String> post(String form, String sessionOrNull) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://127.0.0.1:" + port)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (sessionOrNull != null) {
            request.header("Cookie", "JSESSIONID=" + sessionOrNull);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String username, String password) {
        return "username=" + encode(username) + "&password=" + encode(password);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring("JSESSIONID=".length(), cookie.indexOf(';')))
                .findFirst();
    }
}
