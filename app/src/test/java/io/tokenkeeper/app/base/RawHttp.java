package io.tokenkeeper.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 spoken by hand on one socket, as wrk and connection-pooling clients speak it: for what a client library
 * hides, such as whether an answer keeps the connection and says its length.
 */
public final class RawHttp implements AutoCloseable {

    /** The status line and headers, and the body read by its {@code Content-Length}. */
    public record Answer(String head, String body) {}

    private final Socket socket;
    private final InputStream in;

    public RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
    }

    /**
     * Sends {@code request} (head and body, CRLF line ends) and reads one answer, which must say its length: a chunked
     * one fails the test.
     */
    public Answer exchange(String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            assertThat(next).as("the connection stayed open").isNotNegative();
            head.append((char) next);
        }
        var text = head.toString();
        assertThat(text).doesNotContainIgnoringCase("transfer-encoding: chunked");
        return new Answer(text, new String(in.readNBytes(contentLength(text)), StandardCharsets.UTF_8));
    }

    private static int contentLength(String head) {
        for (var line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        throw new AssertionError("no Content-Length in " + head);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
