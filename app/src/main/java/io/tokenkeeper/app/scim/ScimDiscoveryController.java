package io.tokenkeeper.app.scim;

import io.tokenkeeper.domain.account.ProvisionedAccounts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What Tokenkeeper's SCIM service supports (RFC 7643 §5–7): {@code /ServiceProviderConfig} (PATCH and filtering, no
 * bulk, sorting, ETags or password changes), {@code /ResourceTypes} (User only) and {@code /Schemas} (the core User
 * attributes Tokenkeeper keeps).
 */
@RestController
@RequestMapping("/scim/v2")
class ScimDiscoveryController {

    private static final String CONFIG_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    private static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    private static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<Map<String, Object>> serviceProviderConfig() {
        var config = new LinkedHashMap<String, Object>();
        config.put("schemas", List.of(CONFIG_SCHEMA));
        config.put("patch", Map.of("supported", true));
        config.put("bulk", Map.of("supported", false, "maxOperations", 0, "maxPayloadSize", 0));
        config.put("filter", Map.of("supported", true, "maxResults", ProvisionedAccounts.MAX_PAGE_SIZE));
        config.put("changePassword", Map.of("supported", false));
        config.put("sort", Map.of("supported", false));
        config.put("etag", Map.of("supported", false));
        config.put(
                "authenticationSchemes",
                List.of(Map.of(
                        "type",
                        "oauthbearertoken",
                        "name",
                        "Provisioning token",
                        "description",
                        "A Tokenkeeper provisioning token (tks_…) from Administration › Single Sign-On, sent"
                                + " as \"Authorization: Bearer <token>\"",
                        "primary",
                        true)));
        config.put("meta", meta("ServiceProviderConfig", "/ServiceProviderConfig"));
        return ok(config);
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<Map<String, Object>> resourceTypes() {
        return ok(list(List.of(userResourceType())));
    }

    @GetMapping("/ResourceTypes/{name}")
    ResponseEntity<Map<String, Object>> resourceType(@PathVariable String name) {
        if (!name.equals("User")) {
            throw ScimException.notFound("The only resource type is User.");
        }
        return ok(userResourceType());
    }

    @GetMapping("/Schemas")
    ResponseEntity<Map<String, Object>> schemas() {
        return ok(list(List.of(userSchema())));
    }

    @GetMapping("/Schemas/{id}")
    ResponseEntity<Map<String, Object>> schema(@PathVariable String id) {
        if (!id.equals(ScimUsers.USER_SCHEMA)) {
            throw ScimException.notFound("The only schema is " + ScimUsers.USER_SCHEMA + ".");
        }
        return ok(userSchema());
    }

    private static Map<String, Object> userResourceType() {
        var type = new LinkedHashMap<String, Object>();
        type.put("schemas", List.of(RESOURCE_TYPE_SCHEMA));
        type.put("id", "User");
        type.put("name", "User");
        type.put("endpoint", "/Users");
        type.put("description", "A Tokenkeeper account");
        type.put("schema", ScimUsers.USER_SCHEMA);
        type.put("meta", meta("ResourceType", "/ResourceTypes/User"));
        return type;
    }

    private static Map<String, Object> userSchema() {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("schemas", List.of(SCHEMA_SCHEMA));
        schema.put("id", ScimUsers.USER_SCHEMA);
        schema.put("name", "User");
        schema.put("description", "A Tokenkeeper account");
        schema.put(
                "attributes",
                List.of(
                        attribute("userName", "string", true, "server", "The username; unique ignoring case"),
                        complex(
                                "name",
                                "The person's name; Tokenkeeper keeps it as the display name",
                                List.of(
                                        attribute("formatted", "string", false, "none", "The full name"),
                                        attribute("givenName", "string", false, "none", "The given name"),
                                        attribute("familyName", "string", false, "none", "The family name"))),
                        attribute("displayName", "string", false, "none", "The name shown in Tokenkeeper"),
                        multiValued(
                                "emails",
                                "Email addresses; Tokenkeeper keeps the primary one",
                                List.of(
                                        attribute("value", "string", false, "none", "The address"),
                                        attribute("type", "string", false, "none", "work, home or other"),
                                        attribute("primary", "boolean", false, "none", "The address to use"))),
                        attribute("active", "boolean", false, "none", "Whether the account and its tokens work"),
                        attribute("externalId", "string", false, "none", "The identity provider's id")));
        schema.put("meta", meta("Schema", "/Schemas/" + ScimUsers.USER_SCHEMA));
        return schema;
    }

    private static Map<String, Object> attribute(
            String name, String type, boolean required, String uniqueness, String description) {
        var attribute = new LinkedHashMap<String, Object>();
        attribute.put("name", name);
        attribute.put("type", type);
        attribute.put("multiValued", false);
        attribute.put("description", description);
        attribute.put("required", required);
        attribute.put("caseExact", false);
        attribute.put("mutability", "readWrite");
        attribute.put("returned", "default");
        attribute.put("uniqueness", uniqueness);
        return attribute;
    }

    private static Map<String, Object> complex(String name, String description, List<Map<String, Object>> parts) {
        var attribute = attribute(name, "complex", false, "none", description);
        attribute.put("subAttributes", parts);
        return attribute;
    }

    private static Map<String, Object> multiValued(String name, String description, List<Map<String, Object>> parts) {
        var attribute = complex(name, description, parts);
        attribute.put("multiValued", true);
        return attribute;
    }

    private static Map<String, Object> list(List<Map<String, Object>> resources) {
        var list = new LinkedHashMap<String, Object>();
        list.put("schemas", List.of(ScimUsers.LIST_SCHEMA));
        list.put("totalResults", resources.size());
        list.put("startIndex", 1);
        list.put("itemsPerPage", resources.size());
        list.put("Resources", resources);
        return list;
    }

    private static Map<String, Object> meta(String resourceType, String path) {
        var location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/scim/v2" + path)
                .toUriString();
        return Map.of("resourceType", resourceType, "location", location);
    }

    private static ResponseEntity<Map<String, Object>> ok(Map<String, Object> body) {
        return ResponseEntity.ok().contentType(ScimErrors.SCIM_JSON).body(body);
    }
}
