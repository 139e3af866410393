package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import generated.tokenkeeper.client.ApiException;
import generated.tokenkeeper.client.api.AccountApi;
import generated.tokenkeeper.client.api.AdministrationApi;
import generated.tokenkeeper.client.api.TokenLifecycleApi;
import generated.tokenkeeper.client.api.TokensApi;
import generated.tokenkeeper.client.model.NewToken;
import generated.tokenkeeper.client.model.ResourceServerChange;
import generated.tokenkeeper.client.model.ResourceServerRegistration;
import generated.tokenkeeper.client.model.ScopeField;
import generated.tokenkeeper.client.model.ScopeJson;
import generated.tokenkeeper.client.model.TokenChange;
import generated.tokenkeeper.client.model.TokenJson;
import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.domain.token.TokenSecret;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API as a team would call it: through a Java client that openapi-generator made from the OpenAPI document during
 * the build (java.net.http, Jackson; nothing written by hand), against the running server. What the document promises
 * is what the client gets: the created value, statuses, and problem details on errors.
 */
@ApplicationTest
class GeneratedClientHttpTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    ApiTestData testData;

    private ApiTestData.Caller caller;
    private generated.tokenkeeper.client.ApiClient client;

    @BeforeEach
    void setUp() {
        caller = testData.aCaller();
        client = clientWith(caller.bearer());
    }

    private generated.tokenkeeper.client.ApiClient clientWith(String authorization) {
        return new generated.tokenkeeper.client.ApiClient()
                .setHost("127.0.0.1")
                .setPort(port)
                .setBasePath("")
                .setRequestInterceptor(request -> request.header("Authorization", authorization));
    }

    @Test
    void creates_reads_renames_disables_and_revokes_a_token() throws ApiException {
        var tokens = new TokensApi(client);
        var lifecycle = new TokenLifecycleApi(client);

        var created = tokens.createToken(new NewToken().name("generated client").scopes(List.of("tokenkeeper:read")));

        assertThat(TokenSecret.parse(created.getValue()))
                .as("the value, shown once")
                .isPresent();
        assertThat(created.getName()).isEqualTo("generated client");
        assertThat(created.getScopes()).containsExactly("tokenkeeper:read");
        long id = created.getId();
        assertThat(lifecycle.getToken(id).getHint()).isEqualTo(created.getHint());

        var renamed = tokens.changeToken(id, new TokenChange().name("renamed by a client"));
        assertThat(renamed.getName()).isEqualTo("renamed by a client");
        var disabled = tokens.changeToken(id, new TokenChange().enabled(false));
        assertThat(disabled.getEnabled()).isFalse();
        assertThat(disabled.getStatus()).isEqualTo(TokenJson.StatusEnum.DISABLED);

        tokens.revokeToken(id);

        assertThat(tokens.listOwnTokens().getTokens())
                .extracting(token -> token.getId())
                .doesNotContain(id);
        assertThatThrownBy(() -> lifecycle.getToken(id))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode())
                        .isEqualTo(404));
    }

    @Test
    void the_created_value_authenticates_the_same_client() throws ApiException {
        var created = new TokensApi(client).createToken(new NewToken().name("second client"));
        var second = clientWith("Bearer " + created.getValue());

        var me = new AccountApi(second).getMe();

        assertThat(me.getUser().getUsername()).isEqualTo(caller.username());
        assertThat(me.getToken().getId()).isEqualTo(created.getId());
    }

    @Test
    void an_administrator_registers_switches_rekeys_and_deletes_a_resource_server() throws ApiException {
        var administration =
                new AdministrationApi(clientWith(testData.anAdministrator().bearer()));
        var word = "generated" + SEQUENCE.incrementAndGet();

        var created = administration.registerResourceServer(new ResourceServerRegistration()
                .name("Generated " + word)
                .identifier("urn:example:" + word)
                .scopes(List.of(new ScopeField().name(word + ":read").description("Read"))));

        assertThat(created.getClientId()).startsWith("rs_");
        assertThat(created.getClientSecret()).startsWith("tkc_");
        var read = administration.getResourceServer(created.getId());
        assertThat(read.getSecretHint()).isEqualTo(created.getSecretHint());
        assertThat(read.getScopes()).extracting(ScopeJson::getName).containsExactly(word + ":read");
        var switched =
                administration.changeResourceServer(created.getId(), new ResourceServerChange().enabled(false), null);
        assertThat(switched.getEnabled()).isFalse();
        var regenerated = administration.regenerateResourceServerSecret(created.getId());
        assertThat(regenerated.getClientSecret()).startsWith("tkc_").isNotEqualTo(created.getClientSecret());

        administration.deleteResourceServer(created.getId(), null);

        assertThatThrownBy(() -> administration.getResourceServer(created.getId()))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode())
                        .isEqualTo(404));
    }

    @Test
    void an_error_reaches_the_client_as_problem_details() {
        var tokens = new TokensApi(client);

        assertThatThrownBy(() -> tokens.createToken(new NewToken().name("")))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(400);
                    assertThat(refused.getResponseHeaders().firstValue("Content-Type"))
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                    assertThat(refused.getResponseBody())
                            .contains("\"status\":400")
                            .contains("name");
                });
    }
}
