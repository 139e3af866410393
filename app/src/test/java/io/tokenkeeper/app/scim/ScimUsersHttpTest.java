package io.tokenkeeper.app.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenkeeper.ApplicationTest;
import io.tokenkeeper.app.user.UserTestData;
import io.tokenkeeper.domain.account.UserAdministration;
import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditFilter;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.provisioning.ProvisioningTokens;
import io.tokenkeeper.domain.token.TokenService;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.UserStore;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The SCIM service over real HTTP, driven with the payloads Okta and Microsoft Entra ID document for their SCIM
 * clients: create, look up by filter, patch {@code active}, replace, delete, and what that does to the account's API
 * tokens.
 */
@ApplicationTest
class ScimUsersHttpTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String USERS = "/scim/v2/Users";
    private static final String ME = "/api/v1/me";

    @LocalServerPort
    int port;

    @Autowired
    ProvisioningTokens provisioningTokens;

    @Autowired
    UserAdministration userAdministration;

    @Autowired
    TokenService tokens;

    @Autowired
    UserStore users;

    @Autowired
    AuditLog audit;

    @Autowired
    UserTestData testUsers;

    private Actor admin;
    private ScimClient scim;

    @BeforeEach
    void setUp() {
        admin = new Actor(testUsers.aUser(EnumSet.of(Privilege.ADMINISTRATOR)), "192.0.2.1");
        var created = provisioningTokens.create(admin, "Okta " + SEQUENCE.incrementAndGet());
        scim = ScimClient.withToken(port, created.secret().reveal());
    }

    /** At most ten provisioning tokens work at a time: each test's goes when it is done. */
    @AfterEach
    void revokeTheProvisioningTokens() {
        provisioningTokens.list(admin).forEach(token -> provisioningTokens.revoke(admin, token.id()));
    }

    @Test
    void okta_creates_a_user_finds_it_by_user_name_and_deactivating_it_refuses_its_token_at_once() {
        var userName = "jane.doe" + SEQUENCE.incrementAndGet() + "@example.com";

        var created = scim.post(USERS, oktaUser(userName));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Content-Type")).startsWith("application/scim+json");
        var id = created.json().get("id").stringValue();
        assertThat(created.header("Location")).endsWith(USERS + "/" + id);
        assertThat(created.json().get("userName").stringValue()).isEqualTo(userName);
        assertThat(created.json().get("displayName").stringValue()).isEqualTo("Jane Doe");
        assertThat(created.json().get("externalId").stringValue()).isEqualTo("00ujl29u0le5T6Aj10h7");
        assertThat(created.json().get("active").booleanValue()).isTrue();
        assertThat(created.body()).doesNotContain("password").doesNotContain("1mz050nq");
        var account = users.findById(new UserId(Long.parseLong(id))).orElseThrow();
        assertThat(users.passwordHash(account.id())).isEmpty();

        var found =
                scim.get(USERS + "?filter=userName%20eq%20%22" + userName.toUpperCase() + "%22&startIndex=1&count=100");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.json().get("Resources").get(0).get("id").stringValue()).isEqualTo(id);

        var token = aWorkingTokenOf(id);
        var deactivated = scim.patch(USERS + "/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"active":false}}]}""");

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().get("active").booleanValue()).isFalse();
        assertThat(api(token)).isEqualTo(401);
        assertThat(users.findById(account.id()).orElseThrow().enabled()).isFalse();
        assertThat(audit.search(AuditFilter.ALL, 0, 10))
                .anyMatch(event -> event.action() == AuditAction.USER_DISABLED
                        && String.valueOf(account.id().value()).equals(event.targetId()));
    }

    @Test
    void entra_id_creates_a_user_patches_it_with_string_booleans_and_an_email_path_and_deletes_it() {
        var userName = "Test_User_" + SEQUENCE.incrementAndGet();
        var created = scim.post(USERS, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
                 "userName":"%s","active":true,
                 "emails":[{"primary":true,"type":"work","value":"%s@testuser.com"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "roles":[]}""".formatted(userName, userName));
        assertThat(created.status()).isEqualTo(201);
        var id = created.json().get("id").stringValue();
        assertThat(created.json().get("displayName").stringValue()).isEqualTo("givenName familyName");

        var missing = scim.get(USERS + "?filter=userName+eq+%22nobody-" + userName + "%22");
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.json().get("totalResults").asInt()).isZero();
        assertThat(missing.json().get("Resources").isEmpty()).isTrue();

        var patched = scim.patch(USERS + "/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[
                   {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"updated@microsoft.com"},
                   {"op":"Replace","path":"displayName","value":"Updated Name"},
                   {"op":"Replace","path":"active","value":"False"}]}""");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("emails").get(0).get("value").stringValue())
                .isEqualTo("updated@microsoft.com");
        assertThat(patched.json().get("displayName").stringValue()).isEqualTo("Updated Name");
        assertThat(patched.json().get("active").booleanValue()).isFalse();

        var reactivated = scim.patch(USERS + "/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"True"}]}""");
        assertThat(reactivated.json().get("active").booleanValue()).isTrue();
        var token = aWorkingTokenOf(id);

        var deleted = scim.delete(USERS + "/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api(token)).isEqualTo(401);
        assertThat(scim.get(USERS + "/" + id).status()).isEqualTo(404);
        var account = users.findById(new UserId(Long.parseLong(id))).orElseThrow();
        assertThat(account.enabled())
                .as("the account stays, disabled, for the audit trail")
                .isFalse();
        assertThat(audit.search(AuditFilter.ALL, 0, 10))
                .anyMatch(event -> event.action() == AuditAction.USER_DEPROVISIONED
                        && String.valueOf(account.id().value()).equals(event.targetId()));
    }

    @Test
    void reactivating_restores_the_account_and_its_disabled_token_but_not_a_revoked_one() {
        var id = scim.post(USERS, oktaUser("rea" + SEQUENCE.incrementAndGet()))
                .json()
                .get("id")
                .stringValue();
        var kept = aWorkingTokenOf(id);
        var owner = new Actor(users.findById(new UserId(Long.parseLong(id))).orElseThrow(), "192.0.2.1");
        var revoked = tokens.generate(owner, "Revoked", null);
        tokens.revoke(owner, revoked.token().id());

        scim.put(
                USERS + "/" + id,
                oktaUser(owner.user().username().value()).replace("\"active\":true", "\"active\":false"));
        assertThat(api(kept)).isEqualTo(401);
        var replaced =
                scim.put(USERS + "/" + id, oktaUser(owner.user().username().value()));

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("active").booleanValue()).isTrue();
        assertThat(api(kept)).isEqualTo(200);
        assertThat(api(revoked.secret().reveal())).isEqualTo(401);
    }

    @Test
    void a_user_name_taken_by_a_local_account_is_a_uniqueness_conflict() {
        var local = testUsers.aUserWithApiAccess();

        var refused = scim.post(USERS, oktaUser(local.username().value()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("schemas").get(0).stringValue())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(refused.json().get("status").stringValue()).isEqualTo("409");
        assertThat(refused.json().get("scimType").stringValue()).isEqualTo("uniqueness");
        assertThat(users.passwordHash(local.id()))
                .as("the local account is not taken over")
                .isPresent();
    }

    @Test
    void local_accounts_are_invisible_to_scim() {
        var local = testUsers.aUserWithApiAccess();

        assertThat(scim.get(USERS + "/" + local.id().value()).status()).isEqualTo(404);
        assertThat(scim.get(USERS + "?filter=userName%20eq%20%22" + local.username() + "%22")
                        .json()
                        .get("totalResults")
                        .asInt())
                .isZero();
        assertThat(scim.delete(USERS + "/" + local.id().value()).status()).isEqualTo(404);
        assertThat(users.findById(local.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void bad_requests_get_scim_error_bodies() {
        var filter = scim.get(USERS + "?filter=title%20co%20%22boss%22");
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.json().get("scimType").stringValue()).isEqualTo("invalidFilter");

        var noUserName = scim.post(USERS, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]}");
        assertThat(noUserName.status()).isEqualTo(400);
        assertThat(noUserName.json().get("scimType").stringValue()).isEqualTo("invalidValue");

        var malformed = scim.post(USERS, "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("scimType").stringValue()).isEqualTo("invalidSyntax");

        var groups = scim.get("/scim/v2/Groups");
        assertThat(groups.status()).isEqualTo(404);
        assertThat(groups.json().get("status").stringValue()).isEqualTo("404");
    }

    /** Only JSON: a YAML body is refused before it is read, and an answer is SCIM's JSON whatever the client asks. */
    @Test
    void scim_reads_and_writes_json_only() {
        var yamlBody = scim.exchange(
                "POST",
                USERS,
                "application/yaml",
                "application/scim+json",
                "schemas: [\"urn:ietf:params:scim:schemas:core:2.0:User\"]\nuserName: yaml.person\n");
        var yamlAnswer = scim.exchange("GET", USERS, "application/scim+json", "application/yaml", null);

        assertThat(yamlBody.status()).isEqualTo(415);
        assertThat(yamlAnswer.status()).isEqualTo(200);
        assertThat(yamlAnswer.header("Content-Type")).startsWith("application/scim+json");
        assertThat(scim.get(USERS + "?filter=userName%20eq%20%22yaml.person%22")
                        .json()
                        .get("totalResults")
                        .asInt())
                .isZero();
    }

    @Test
    void only_a_working_provisioning_token_opens_scim_and_it_opens_nothing_else() {
        var apiCaller = testUsers.aUserWithApiAccess();
        var apiToken = tokens.generate(new Actor(apiCaller, "192.0.2.1"), "API", null)
                .secret()
                .reveal();
        var created = provisioningTokens.create(admin, "Entra " + SEQUENCE.incrementAndGet());
        var provisioning = created.secret().reveal();

        var anonymous = new ScimClient(port, null).get(USERS);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(anonymous.json().get("status").stringValue()).isEqualTo("401");
        assertThat(ScimClient.withToken(port, apiToken).status(USERS)).isEqualTo(401);
        assertThat(ScimClient.withToken(port, "tks_" + "A".repeat(40)).status(USERS))
                .isEqualTo(401);
        assertThat(ScimClient.withToken(port, provisioning).status(ME)).isEqualTo(401);
        assertThat(ScimClient.withToken(port, provisioning).status(USERS)).isEqualTo(200);

        provisioningTokens.revoke(admin, created.token().id());

        assertThat(ScimClient.withToken(port, provisioning).status(USERS)).isEqualTo(401);
    }

    @Test
    void the_discovery_endpoints_describe_users_patch_and_filtering() {
        var config = scim.get("/scim/v2/ServiceProviderConfig");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("patch").get("supported").booleanValue()).isTrue();
        assertThat(config.json().get("filter").get("supported").booleanValue()).isTrue();
        assertThat(config.json().get("bulk").get("supported").booleanValue()).isFalse();

        var types = scim.get("/scim/v2/ResourceTypes");
        assertThat(types.json().get("Resources").get(0).get("endpoint").stringValue())
                .isEqualTo("/Users");

        var schemas = scim.get("/scim/v2/Schemas");
        assertThat(schemas.json().get("Resources").get(0).get("id").stringValue())
                .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User");
        assertThat(scim.get("/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User")
                        .status())
                .isEqualTo(200);
    }

    /** The provisioned account gets API Access as an administrator grants it, and a token of its own. */
    private String aWorkingTokenOf(String id) {
        var account = users.findById(new UserId(Long.parseLong(id))).orElseThrow();
        var granted = userAdministration.updateUser(
                admin,
                account.id(),
                account.displayName().value(),
                account.email() == null ? null : account.email().value(),
                Set.of(Privilege.API_ACCESS));
        var token = tokens.generate(new Actor(granted, "192.0.2.1"), "CI", null)
                .secret()
                .reveal();
        assertThat(api(token)).isEqualTo(200);
        return token;
    }

    private int api(String token) {
        return ScimClient.withToken(port, token).status(ME);
    }

    private static String oktaUser(String userName) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"%s",
                 "name":{"givenName":"Jane","familyName":"Doe"},
                 "emails":[{"primary":true,"value":"jane.doe@example.com","type":"work"}],
                 "displayName":"Jane Doe","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7",
                 "groups":[],"password":"1mz050nq","active":true}""".formatted(userName);
    }
}
