package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document the build generates its Java client from ({@value #SNAPSHOT}, read by the
 * openapi-generator-maven-plugin before any test runs) is the one the server serves: a change to the API that the
 * copy does not have fails here, so the generated client cannot drift from the server. To take a changed document on
 * purpose, run this test with {@code -Dtokenkeeper.openapi.update=true} and commit the file.
 */
@ApplicationTest
class ApiDocumentSnapshotTest {

    static final String SNAPSHOT = "src/test/resources/openapi/tokenkeeper-api.json";

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    int port;

    @Test
    void the_document_the_client_is_generated_from_is_the_one_the_server_serves() throws IOException {
        var response = new ApiClient(port).openApiDocument();
        assertThat(response.statusCode()).isEqualTo(200);
        var served = portless(JSON.readTree(response.body()));
        var snapshot = Path.of(SNAPSHOT);
        if (Boolean.getBoolean("tokenkeeper.openapi.update")) {
            Files.writeString(snapshot, JSON.writeValueAsString(served) + "\n");
        }

        var copy = JSON.readTree(Files.readString(snapshot));

        assertThat(copy)
                .as(
                        "%s differs from /api/openapi: run this test with -Dtokenkeeper.openapi.update=true and commit the"
                                + " file",
                        SNAPSHOT)
                .isEqualTo(served);
    }

    /** The document without its server address, which names the test's random port. */
    private static JsonNode portless(JsonNode document) {
        var copy = (ObjectNode) document.deepCopy();
        copy.remove("servers");
        return copy;
    }
}
