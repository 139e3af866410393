package io.tokenkeeper.app.api;

import io.tokenkeeper.domain.base.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A JSON request body read the strict way: an object with only the fields the endpoint takes, each of its own type.
 * Jackson's binding would turn {@code 0} into the name "0" and {@code "false"} into {@code false}; a client that sends
 * either has a bug it should hear about, so every mismatch is an {@link InvalidInputException} naming the field.
 */
final class StrictJson {

    private final JsonNode object;

    /** The array field this object is an element of, which every problem inside it names; {@code null} at the top. */
    private final @Nullable String within;

    private StrictJson(JsonNode object, @Nullable String within) {
        this.object = object;
        this.within = within;
    }

    /** {@code body} as an object whose fields are all among {@code fields}. */
    static StrictJson object(@Nullable JsonNode body, String... fields) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(
                    "body", "Send a JSON object with " + String.join(", ", fields) + " (each optional).");
        }
        var known = Set.of(fields);
        for (var name : body.propertyNames()) {
            if (!known.contains(name)) {
                throw new InvalidInputException(
                        name,
                        "\"" + name + "\" is not a field of this request. It takes " + String.join(", ", fields) + ".");
            }
        }
        return new StrictJson(body, null);
    }

    /** The string in {@code field}; {@code null} when it is absent or null. */
    @Nullable
    String string(String field) {
        var value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidInputException(field(field), "\"" + field + "\"" + where() + " must be a string.");
        }
        return value.asString();
    }

    /** The boolean in {@code field} ({@code true} or {@code false}, not a string or a number). */
    @Nullable
    Boolean bool(String field) {
        var value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidInputException(
                    field(field), "\"" + field + "\"" + where() + " must be true or false (not in quotes).");
        }
        return value.booleanValue();
    }

    /** The instant in {@code field}, written as an ISO 8601 date-time with an offset. */
    @Nullable
    Instant instant(String field) {
        var text = string(field);
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    field(field), "\"" + field + "\" must be a date-time with an offset, like 2026-12-31T23:59:59Z.");
        }
    }

    /** The strings in {@code field}, an array; {@code null} when absent or null. */
    @Nullable
    List<String> strings(String field) {
        var value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new InvalidInputException(field(field), "\"" + field + "\" must be an array of strings.");
        }
        var strings = new ArrayList<String>();
        for (var element : value) {
            if (!element.isString()) {
                throw new InvalidInputException(field(field), "\"" + field + "\" must be an array of strings.");
            }
            strings.add(element.asString());
        }
        return strings;
    }

    /**
     * The objects in {@code field}, an array, each with only {@code fields}; {@code null} when absent or null. Every
     * problem inside an element names {@code field}, the one the caller sent.
     */
    @Nullable
    List<StrictJson> objects(String field, String... fields) {
        var value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        var shape = "\"" + field + "\" must be an array of objects with " + String.join(", ", fields) + ".";
        if (!value.isArray()) {
            throw new InvalidInputException(field, shape);
        }
        var known = Set.of(fields);
        var objects = new ArrayList<StrictJson>();
        for (var element : value) {
            if (!element.isObject()) {
                throw new InvalidInputException(field, shape);
            }
            for (var name : element.propertyNames()) {
                if (!known.contains(name)) {
                    throw new InvalidInputException(
                            field, "\"" + name + "\" is not a field of an element of \"" + field + "\". " + shape);
                }
            }
            objects.add(new StrictJson(element, field));
        }
        return objects;
    }

    private String field(String field) {
        return within == null ? field : within;
    }

    private String where() {
        return within == null ? "" : " in \"" + within + "\"";
    }
}
