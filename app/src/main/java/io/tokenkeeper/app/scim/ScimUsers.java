package io.tokenkeeper.app.scim;

import io.tokenkeeper.domain.account.ProvisionedProfile;
import io.tokenkeeper.domain.identity.LinkedAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * SCIM User resources (RFC 7643 §4.1) and Tokenkeeper's accounts, both ways, the way Okta and Microsoft Entra ID send
 * them: {@code userName}, {@code displayName} (or one made of {@code name}), the primary {@code emails} value,
 * {@code externalId} and {@code active} (Entra sends booleans as the strings "True" and "False"). Attributes
 * Tokenkeeper does not keep (phone numbers, addresses, enterprise extension…) are accepted and ignored; a password is
 * never stored nor sent back.
 */
final class ScimUsers {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private ScimUsers() {}

    /** The account as a SCIM User; {@code location} is its URL. */
    static Map<String, Object> resource(LinkedAccount account, String location) {
        var user = account.user();
        var resource = new LinkedHashMap<String, Object>();
        resource.put("schemas", List.of(USER_SCHEMA));
        resource.put("id", Long.toString(user.id().value()));
        if (account.link().externalId() != null) {
            resource.put("externalId", account.link().externalId());
        }
        resource.put("userName", user.username().value());
        resource.put("name", Map.of("formatted", user.displayName().value()));
        resource.put("displayName", user.displayName().value());
        if (user.email() != null) {
            resource.put("emails", List.of(Map.of("value", user.email().value(), "type", "work", "primary", true)));
        }
        resource.put("active", user.enabled());
        resource.put(
                "meta",
                Map.of(
                        "resourceType",
                        "User",
                        "created",
                        user.createdAt().toString(),
                        "lastModified",
                        user.updatedAt().toString(),
                        "location",
                        location));
        return resource;
    }

    /** What the account is now, as a profile to change. */
    static ProvisionedProfile current(LinkedAccount account) {
        var user = account.user();
        return new ProvisionedProfile(
                user.username().value(),
                user.displayName().value(),
                user.email() == null ? null : user.email().value(),
                account.link().externalId(),
                user.enabled());
    }

    /**
     * The profile a POST or PUT body describes. A PUT replaces the whole resource; only {@code active} keeps its
     * current value when absent, as providers leave it out when it does not change.
     */
    static ProvisionedProfile profile(JsonNode body, boolean activeIfAbsent) {
        if (!body.isObject()) {
            throw ScimException.badRequest("invalidSyntax", "Send a SCIM User resource as a JSON object.");
        }
        var userName = text(attribute(body, "userName"), "userName");
        if (userName == null || userName.isBlank()) {
            throw ScimException.badRequest("invalidValue", "A user needs a userName.");
        }
        var active = attribute(body, "active");
        return new ProvisionedProfile(
                userName,
                displayName(body),
                email(attribute(body, "emails")),
                text(attribute(body, "externalId"), "externalId"),
                active == null || active.isNull() ? activeIfAbsent : bool(active, "active"));
    }

    /** Applies a PatchOp (RFC 7644 §3.5.2) to the account's profile. */
    static ProvisionedProfile patch(JsonNode body, ProvisionedProfile current) {
        var operations = body.isObject() ? attribute(body, "Operations") : null;
        if (operations == null || !operations.isArray()) {
            throw ScimException.badRequest(
                    "invalidSyntax", "Send a PatchOp with an \"Operations\" list (" + PATCH_SCHEMA + ").");
        }
        var profile = new Draft(current);
        for (var operation : operations) {
            var op = text(attribute(operation, "op"), "op");
            var path = text(attribute(operation, "path"), "path");
            var value = attribute(operation, "value");
            switch (op == null ? "" : op.toLowerCase(Locale.ROOT)) {
                case "add", "replace" -> {
                    if (path == null) {
                        if (value == null || !value.isObject()) {
                            throw ScimException.badRequest(
                                    "invalidValue", "An operation without a path needs an object as its value.");
                        }
                        value.forEachEntry(profile::set);
                    } else {
                        profile.set(path, value);
                    }
                }
                case "remove" -> {
                    if (path == null) {
                        throw ScimException.badRequest("noTarget", "A remove operation needs a path.");
                    }
                    profile.set(path, null);
                }
                default ->
                    throw ScimException.badRequest(
                            "invalidSyntax", "An operation's op is add, replace or remove, not \"" + op + "\".");
            }
        }
        return profile.toProfile();
    }

    /** A profile being patched: only the attributes Tokenkeeper keeps are taken, the others are ignored. */
    private static final class Draft {

        private @Nullable String userName;
        private @Nullable String displayName;
        private @Nullable String email;
        private @Nullable String externalId;
        private boolean active;

        Draft(ProvisionedProfile current) {
            userName = current.username();
            displayName = current.displayName();
            email = current.email();
            externalId = current.externalId();
            active = current.active();
        }

        void set(String path, @Nullable JsonNode value) {
            var attribute = path.regionMatches(true, 0, USER_SCHEMA + ":", 0, USER_SCHEMA.length() + 1)
                    ? path.substring(USER_SCHEMA.length() + 1)
                    : path;
            var removed = value == null || value.isNull();
            // Compared in lower case without spaces, so that "emails[type eq \"work\"].value" matches as sent.
            switch (attribute.toLowerCase(Locale.ROOT).replace(" ", "")) {
                case "active" -> {
                    if (!removed) {
                        active = bool(value, "active");
                    }
                }
                case "username" -> {
                    if (removed) {
                        throw ScimException.badRequest("mutability", "A user keeps a userName.");
                    }
                    userName = text(value, "userName");
                }
                case "displayname" -> displayName = removed ? null : text(value, "displayName");
                case "name.formatted" -> {
                    if (!removed && displayName == null) {
                        displayName = text(value, "name.formatted");
                    }
                }
                case "externalid" -> externalId = removed ? null : text(value, "externalId");
                case "emails" -> email = removed ? null : email(value);
                case "emails[typeeq\"work\"].value", "emails[primaryeqtrue].value", "emails.value" ->
                    email = removed ? null : text(value, "emails");
                default -> {
                    // Not kept by Tokenkeeper (title, phone numbers, addresses, manager…): accepted and ignored.
                }
            }
        }

        ProvisionedProfile toProfile() {
            return new ProvisionedProfile(userName, displayName, email, externalId, active);
        }
    }

    /** Attribute names are case-insensitive in SCIM. */
    private static @Nullable JsonNode attribute(JsonNode object, String name) {
        var exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (var entry : object.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static @Nullable String displayName(JsonNode body) {
        var displayName = text(attribute(body, "displayName"), "displayName");
        if (displayName != null && !displayName.isBlank()) {
            return displayName;
        }
        var name = attribute(body, "name");
        if (name == null || !name.isObject()) {
            return null;
        }
        var formatted = text(attribute(name, "formatted"), "name.formatted");
        if (formatted != null && !formatted.isBlank()) {
            return formatted;
        }
        var parts = new ArrayList<String>();
        for (var part : List.of("givenName", "familyName")) {
            var text = text(attribute(name, part), "name." + part);
            if (text != null && !text.isBlank()) {
                parts.add(text.strip());
            }
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /** The primary address, else the work address, else the first. */
    private static @Nullable String email(@Nullable JsonNode emails) {
        if (emails == null || emails.isNull()) {
            return null;
        }
        if (!emails.isArray()) {
            throw ScimException.badRequest("invalidValue", "emails is a list of {\"value\": …} objects.");
        }
        JsonNode first = null;
        JsonNode work = null;
        for (var email : emails) {
            var primary = attribute(email, "primary");
            if (primary != null && !primary.isNull() && bool(primary, "primary")) {
                return text(attribute(email, "value"), "emails");
            }
            var type = attribute(email, "type");
            if (work == null && type != null && type.isString() && "work".equalsIgnoreCase(type.stringValue())) {
                work = email;
            }
            if (first == null) {
                first = email;
            }
        }
        var chosen = work != null ? work : first;
        return chosen == null ? null : text(attribute(chosen, "value"), "emails");
    }

    private static @Nullable String text(@Nullable JsonNode value, String attribute) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ScimException.badRequest("invalidValue", attribute + " is a string.");
        }
        return value.stringValue();
    }

    /** A boolean, or the strings "true" and "false" in any case, as Microsoft Entra ID sends them. */
    private static boolean bool(JsonNode value, String attribute) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isString() && value.stringValue().equalsIgnoreCase("true")) {
            return true;
        }
        if (value.isString() && value.stringValue().equalsIgnoreCase("false")) {
            return false;
        }
        throw ScimException.badRequest("invalidValue", attribute + " is true or false.");
    }
}
