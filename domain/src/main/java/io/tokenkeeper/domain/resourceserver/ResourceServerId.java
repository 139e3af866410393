package io.tokenkeeper.domain.resourceserver;

/** The database identity of a resource server. */
public record ResourceServerId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
