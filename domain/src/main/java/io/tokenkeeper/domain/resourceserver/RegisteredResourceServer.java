package io.tokenkeeper.domain.resourceserver;

/**
 * A resource server together with its client secret, in the one answer that may carry the secret: registration or
 * regeneration. Shown once, never stored.
 */
public record RegisteredResourceServer(ResourceServer server, ClientSecret secret) {}
