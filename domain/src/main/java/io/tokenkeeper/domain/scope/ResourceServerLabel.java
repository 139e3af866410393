package io.tokenkeeper.domain.scope;

import java.util.Objects;

/**
 * How a resource server is named where only its names matter, such as the server a token was last used at: the
 * identifier it is known by in the API ({@code https://orders.example.com}) and the name people read ("Orders API").
 */
public record ResourceServerLabel(String identifier, String name) {

    public ResourceServerLabel {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(name, "name");
    }
}
