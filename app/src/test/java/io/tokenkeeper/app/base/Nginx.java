package io.tokenkeeper.app.base;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntFunction;

/**
 * A real nginx (Debian's, installed by {@code .ci/run}) in the foreground, run by a test with a configuration of its
 * own in a temporary directory, on a free loopback port. The test gives what goes inside {@code http { … }}; this
 * gives everything around it (no daemon, one worker, every file inside the directory).
 */
public final class Nginx implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts nginx and waits until it listens.
     *
     * @param http the content of the {@code http} block for the port nginx is to listen on
     */
    public static Nginx start(IntFunction<String> http) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(
                    "This test needs Debian's nginx at " + BINARY + ". Install it with: apt-get install -y nginx");
        }
        int port = freePort();
        var directory = Files.createTempDirectory("tokenkeeper-nginx");
        var config = directory.resolve("nginx.conf");
        Files.writeString(config, configuration(directory, http.apply(port)));
        var process = new ProcessBuilder(BINARY.toString(), "-c", config.toString(), "-p", directory.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("nginx.out").toFile())
                .start();
        var nginx = new Nginx(process, port);
        nginx.waitUntilListening();
        return nginx;
    }

    public int port() {
        return port;
    }

    /** A loopback port no one listened on a moment ago. */
    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
    }

    private static String configuration(Path directory, String http) {
        return """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    %2$s
                }
                """.formatted(directory, http);
    }

    private void waitUntilListening() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx stopped: exit " + process.exitValue());
            }
            try (var socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + " within 10 s");
    }
}
