package io.tokenkeeper.domain.resourceserver;

/**
 * Told inside each change's transaction that resource servers changed (registered, changed, a new secret, switched,
 * deleted), so that this node forgets their credentials before the change returns: a replaced secret stops working at
 * once, and a newly registered client id is not refused from a remembered "no such client". Other nodes hear the same
 * through the change feed. Implemented by the app's credential cache.
 */
@FunctionalInterface
public interface ResourceServerChanges {

    void resourceServersChanged();
}
