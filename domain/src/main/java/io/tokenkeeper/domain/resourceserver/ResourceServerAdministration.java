package io.tokenkeeper.domain.resourceserver;

import io.tokenkeeper.domain.audit.AuditAction;
import io.tokenkeeper.domain.audit.AuditEvent;
import io.tokenkeeper.domain.audit.AuditLog;
import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.base.Text;
import io.tokenkeeper.domain.base.TokenShape;
import io.tokenkeeper.domain.base.Transactions;
import io.tokenkeeper.domain.scope.Scope;
import io.tokenkeeper.domain.scope.ScopeDefinition;
import io.tokenkeeper.domain.user.AccessCheck;
import io.tokenkeeper.domain.user.Actor;
import io.tokenkeeper.domain.user.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Administration › Resource Servers: register the APIs that accept tokens, their scopes and credentials. Every
 * call re-reads the acting user and requires an enabled administrator; every change is audited (never with a
 * secret). Tokenkeeper's own API is built in and read-only.
 */
public final class ResourceServerAdministration {

    static final String ADMINISTRATORS_ONLY = "Only administrators can manage resource servers.";
    public static final String BUILT_IN_READ_ONLY =
            "Tokenkeeper's own API is built in and cannot be changed or removed.";

    private final ResourceServerStore servers;
    private final AccessCheck access;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;
    private final SecureRandom random;
    private final ResourceServerChanges changes;

    public ResourceServerAdministration(
            ResourceServerStore servers,
            UserStore users,
            AuditLog audit,
            Transactions transactions,
            Clock clock,
            SecureRandom random,
            ResourceServerChanges changes) {
        this.servers = servers;
        this.access = new AccessCheck(users);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.random = random;
        this.changes = changes;
    }

    /** Every resource server, the built-in one first. Administrators only. */
    public List<ResourceServer> list(Actor actor) {
        return transactions.inTransaction(() -> {
            requireAdministrator(actor);
            return servers.list();
        });
    }

    public ResourceServer find(Actor actor, ResourceServerId id) {
        return transactions.inTransaction(() -> {
            requireAdministrator(actor);
            return servers.find(id).orElseThrow(ResourceServerAdministration::notFound);
        });
    }

    /**
     * How many tokens that are not revoked hold at least one of the server's scopes: the tokens that deleting it, with
     * confirmation, takes those scopes from. Administrators only.
     */
    public int tokensHoldingScopesOf(Actor actor, ResourceServerId id) {
        return transactions.inTransaction(() -> {
            requireAdministrator(actor);
            var server = servers.find(id).orElseThrow(ResourceServerAdministration::notFound);
            return servers.countActiveTokensHolding(server.scopeNames());
        });
    }

    /**
     * Registers a resource server and generates its client credential; the secret is in the answer and nowhere
     * else.
     */
    public RegisteredResourceServer register(
            Actor actor,
            @Nullable String name,
            @Nullable String identifier,
            @Nullable String description,
            List<ScopeDefinition> scopes) {
        var checked = Draft.of(name, identifier, description, scopes);
        var clientId = ClientId.generate(random);
        var secret = ClientSecret.generate(random);
        return transactions.inTransaction(() -> {
            requireAdministrator(actor);
            servers.lock();
            var server = servers.insert(new NewResourceServer(
                    checked.name,
                    checked.identifier,
                    checked.description,
                    checked.scopes,
                    clientId,
                    secret.digest(),
                    secret.hint(),
                    clock.instant()));
            changes.resourceServersChanged();
            record(
                    actor,
                    AuditAction.RESOURCE_SERVER_REGISTERED,
                    server,
                    "Registered " + server.identifier() + " with scopes " + scopeList(server.scopeNames()));
            return new RegisteredResourceServer(server, secret);
        });
    }

    /**
     * Changes name, identifier, description and scopes. Removing a scope that tokens hold needs
     * {@code removeHeldScopes}: those tokens lose it.
     *
     * @throws ConflictException naming how many tokens hold a removed scope, when not confirmed
     */
    public ResourceServer change(
            Actor actor,
            ResourceServerId id,
            @Nullable String name,
            @Nullable String identifier,
            @Nullable String description,
            List<ScopeDefinition> scopes,
            boolean removeHeldScopes) {
        var checked = Draft.of(name, identifier, description, scopes);
        return transactions.inTransaction(() -> {
            requireAdministrator(actor);
            servers.lock();
            var before = changeable(id);
            var removed = new ArrayList<>(before.scopeNames());
            removed.removeAll(
                    checked.scopes.stream().map(ScopeDefinition::scope).toList());
            int holders = removed.isEmpty() ? 0 : servers.countActiveTokensHolding(removed);
            if (holders > 0 && !removeHeldScopes) {
                throw new ConflictException(tokens(holders) + hold(holders) + scopeList(removed)
                        + ". Confirm to remove the scope from them, or keep it.");
            }
            var after = servers.update(
                    id, checked.name, checked.identifier, checked.description, checked.scopes, clock.instant());
            changes.resourceServersChanged();
            var described = changes(before, after, holders);
            if (!described.isEmpty()) {
                record(actor, AuditAction.RESOURCE_SERVER_CHANGED, after, "Changed " + described);
            }
            return after;
        });
    }

    /** Replaces the client secret; the old one stops working at once. */
    public RegisteredResourceServer regenerateSecret(Actor actor, ResourceServerId id) {
        var secret = ClientSecret.generate(random);
        return transactions.inTransaction(() -> {
            requireAdministrator(actor);
            changeable(id);
            var server = servers.replaceSecret(id, secret.digest(), secret.hint(), clock.instant());
            changes.resourceServersChanged();
            record(
                    actor,
                    AuditAction.RESOURCE_SERVER_SECRET_REGENERATED,
                    server,
                    "New secret " + secret.hint() + "; the previous one no longer works");
            return new RegisteredResourceServer(server, secret);
        });
    }

    /** A disabled resource server's credential is refused, and so every token at it. */
    public ResourceServer setEnabled(Actor actor, ResourceServerId id, boolean enabled) {
        return transactions.inTransaction(() -> {
            requireAdministrator(actor);
            var before = changeable(id);
            if (before.enabled() == enabled) {
                return before;
            }
            var server = servers.setEnabled(id, enabled, clock.instant());
            changes.resourceServersChanged();
            record(
                    actor,
                    enabled ? AuditAction.RESOURCE_SERVER_ENABLED : AuditAction.RESOURCE_SERVER_DISABLED,
                    server,
                    enabled ? "Enabled" : "Disabled; its credential and its scopes no longer work");
            return server;
        });
    }

    /**
     * Deletes a resource server. When tokens hold its scopes it needs {@code removeHeldScopes}: they lose them.
     *
     * @throws ConflictException naming how many tokens hold its scopes, when not confirmed
     */
    public void delete(Actor actor, ResourceServerId id, boolean removeHeldScopes) {
        transactions.run(() -> {
            requireAdministrator(actor);
            servers.lock();
            var server = changeable(id);
            int holders = servers.countActiveTokensHolding(server.scopeNames());
            if (holders > 0 && !removeHeldScopes) {
                throw new ConflictException(tokens(holders) + hold(holders) + "scopes of " + quoted(server.name())
                        + ". Confirm to delete it and remove its scopes from them.");
            }
            servers.delete(id);
            changes.resourceServersChanged();
            record(
                    actor,
                    AuditAction.RESOURCE_SERVER_DELETED,
                    server,
                    "Deleted " + server.identifier()
                            + (holders > 0 ? "; " + tokens(holders) + " lost its scopes" : ""));
        });
    }

    private ResourceServer changeable(ResourceServerId id) {
        var server = servers.find(id).orElseThrow(ResourceServerAdministration::notFound);
        if (server.builtIn()) {
            throw new ConflictException(BUILT_IN_READ_ONLY);
        }
        return server;
    }

    private void requireAdministrator(Actor actor) {
        access.requireAdministrator(actor, ADMINISTRATORS_ONLY);
    }

    private void record(Actor actor, AuditAction action, ResourceServer server, String details) {
        audit.record(AuditEvent.onResourceServer(
                actor, action, server.id().value(), server.name(), details, clock.instant()));
    }

    private static String changes(ResourceServer before, ResourceServer after, int holders) {
        var changes = new ArrayList<String>();
        if (!before.name().equals(after.name())) {
            changes.add("name " + quoted(before.name()) + " → " + quoted(after.name()));
        }
        if (!before.identifier().equals(after.identifier())) {
            changes.add("identifier " + before.identifier() + " → " + after.identifier());
        }
        if (!before.description().equals(after.description())) {
            changes.add("description");
        }
        var added = new ArrayList<>(after.scopeNames());
        added.removeAll(before.scopeNames());
        var removed = new ArrayList<>(before.scopeNames());
        removed.removeAll(after.scopeNames());
        if (!added.isEmpty()) {
            changes.add("added " + scopeList(added));
        }
        if (!removed.isEmpty()) {
            changes.add("removed " + scopeList(removed) + (holders > 0 ? " from " + tokens(holders) : ""));
        }
        boolean redescribed = after.scopes().stream().anyMatch(definition -> before.definitionOf(definition.scope())
                .filter(old -> !old.description().equals(definition.description()))
                .isPresent());
        if (redescribed) {
            changes.add("scope descriptions");
        }
        return String.join("; ", changes);
    }

    private static String scopeList(List<Scope> scopes) {
        return String.join(", ", scopes.stream().map(Scope::value).toList());
    }

    private static String tokens(int count) {
        return count == 1 ? "1 token" : count + " tokens";
    }

    private static String hold(int count) {
        return count == 1 ? " holds " : " hold ";
    }

    private static String quoted(String name) {
        return "\u201C" + name + "\u201D";
    }

    private static NotFoundException notFound() {
        return new NotFoundException("This resource server does not exist.");
    }

    /** What an administrator entered, normalised and checked before any database work. */
    private record Draft(String name, ResourceIdentifier identifier, String description, List<ScopeDefinition> scopes) {

        static Draft of(
                @Nullable String name,
                @Nullable String identifier,
                @Nullable String description,
                List<ScopeDefinition> scopes) {
            var checkedName = Text.require("name", "a name", Text.normalise(name), ResourceServer.MAX_NAME_LENGTH);
            var checkedIdentifier = ResourceIdentifier.of(Objects.requireNonNullElse(identifier, ""));
            if (checkedIdentifier.equals(ResourceIdentifier.TOKENKEEPER)) {
                throw new InvalidInputException("identifier", "This identifier is Tokenkeeper's own; choose another.");
            }
            var checkedDescription = Text.normalise(description);
            if (Text.length(checkedDescription) > ResourceServer.MAX_DESCRIPTION_LENGTH) {
                throw new InvalidInputException(
                        "description", "Use at most " + ResourceServer.MAX_DESCRIPTION_LENGTH + " characters.");
            }
            if (Text.hasInvisibleCharacter(checkedDescription)) {
                throw new InvalidInputException(
                        "description", "This contains an invisible or control character; remove it.");
            }
            TokenShape.refuseIn("description", checkedDescription);
            if (scopes.isEmpty()) {
                throw new InvalidInputException("scopes", "Add at least one scope, such as orders:read.");
            }
            if (scopes.size() > ResourceServer.MAX_SCOPES) {
                throw new InvalidInputException(
                        "scopes", "A resource server has at most " + ResourceServer.MAX_SCOPES + " scopes.");
            }
            var seen = new HashSet<Scope>();
            for (var definition : scopes) {
                if (!seen.add(definition.scope())) {
                    throw new InvalidInputException("scopes", definition.scope() + " is listed twice.");
                }
                if (definition.scope().namespace().equals("tokenkeeper")) {
                    throw new InvalidInputException(
                            "scopes", "Scopes starting with tokenkeeper: belong to Tokenkeeper's own API.");
                }
            }
            return new Draft(checkedName, checkedIdentifier, checkedDescription, List.copyOf(scopes));
        }
    }
}
