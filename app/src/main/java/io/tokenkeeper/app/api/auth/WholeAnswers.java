package io.tokenkeeper.app.api.auth;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * An API answer sent whole, with a {@code Content-Length}, instead of chunked. A message converter that flushes the
 * body it writes (the JSON answer of introspection was sent so) commits the response before it ends: Tomcat then sends
 * it chunked, in two writes to the socket (the headers with the body, then the last chunk) where one would do. Here a
 * flush before the end does nothing; Tomcat holds the body in its buffer and, when the request is over, sends it with
 * its length. A body larger than that buffer is still sent as it is written, chunked. Nothing in the API streams an
 * answer that must reach the client before it is complete.
 *
 * <p>What it is worth: introspection, whose answer was the one sent chunked, went from 0.88–0.94 of the rate of
 * {@code GET /api/v1/me} to 0.92–1.18 in the load benchmark (bench/load/README.md).
 */
final class WholeAnswers extends HttpServletResponseWrapper {

    private @Nullable ServletOutputStream body;

    WholeAnswers(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (body == null) {
            body = new WithoutEarlyFlush(super.getOutputStream());
        }
        return body;
    }

    /** Sent when the request is over. */
    @Override
    public void flushBuffer() {}

    private static final class WithoutEarlyFlush extends ServletOutputStream {

        private final ServletOutputStream out;

        WithoutEarlyFlush(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        /** Sent when the request is over. */
        @Override
        public void flush() {}

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
