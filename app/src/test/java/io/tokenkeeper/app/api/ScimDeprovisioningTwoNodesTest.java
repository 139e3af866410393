package io.tokenkeeper.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.account.UserAdministration;
import io.tokenkeeper.domain.provisioning.ProvisioningTokens;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.UserStore;
import java.net.http.HttpRequest;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The identity provider deprovisions a leaver through SCIM on node A; node B, which has just accepted the leaver's
 * token, refuses it within a second.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimDeprovisioningTwoNodesTest {

    private static final String ME = "/api/v1/me";

    @RegisterExtension
    static final SecondNode nodeB = SecondNode.forApi();

    @LocalServerPort
    int portA;

    @Autowired
    UserTestData users;

    @Autowired
    UserStore userStore;

    @Autowired
    UserAdministration administration;

    @Autowired
    ProvisioningTokens provisioningTokens;

    @Autowired
    TokenService tokens;

    @Test
    void a_user_deactivated_through_scim_on_node_a_has_their_token_refused_by_node_b_within_a_second() {
        var admin = new Actor(users.aUser(EnumSet.of(Privilege.ADMINISTRATOR)), "192.0.2.1");
        var provisioning = provisioningTokens.create(admin, "Entra ID two nodes");
        var a = new ApiClient(portA);
        var b = new ApiClient(nodeB.port());
        var scim = "Bearer " + provisioning.secret().reveal();
        var created = a.send(a.request("/scim/v2/Users")
                .header("Authorization", scim)
                .header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"leaver"
                                + System.nanoTime() % 1_000_000 + "\",\"active\":true}")));
        assertThat(created.statusCode()).isEqualTo(201);
        var id = ApiClient.json(created).get("id").stringValue();
        var leaver = userStore.findById(new UserId(Long.parseLong(id))).orElseThrow();
        var granted = administration.updateUser(
                admin, leaver.id(), leaver.displayName().value(), null, Set.of(Privilege.API_ACCESS));
        var token = "Bearer "
                + tokens.generate(new Actor(granted, "192.0.2.1"), "CI", null)
                        .secret()
                        .reveal();
        assertThat(b.get(ME, token).statusCode()).isEqualTo(200);

        var deactivated = a.send(a.request("/scim/v2/Users/" + id)
                .header("Authorization", scim)
                .header("Content-Type", "application/scim+json")
                .method(
                        "PATCH",
                        HttpRequest.BodyPublishers.ofString(
                                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                                        + "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}")));

        assertThat(deactivated.statusCode()).isEqualTo(200);
        assertThat(a.get(ME, token).statusCode()).isEqualTo(401);
        assertThat(Polling.within1Second(() -> b.get(ME, token), response -> response.statusCode() == 401)
                        .statusCode())
                .isEqualTo(401);
        provisioningTokens.revoke(admin, provisioning.token().id());
    }
}
