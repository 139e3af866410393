package io.tokenkeeper.domain.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Where users live. Implemented by the persistence module. */
public interface UserStore {

    Optional<User> findById(UserId id);

    /** Looks the username up ignoring case. */
    Optional<User> findByUsername(String username);

    /**
     * The stored password hash, for signing in and for password changes; empty for an account the identity provider
     * manages.
     */
    Optional<String> passwordHash(UserId id);

    /**
     * @throws io.tokenkeeper.domain.base.ConflictException when the username is taken (ignoring case)
     */
    User create(NewUser user, Instant now);

    User updateProfile(UserId id, DisplayName displayName, @Nullable EmailAddress email, Instant now);

    void updatePasswordHash(UserId id, String passwordHash, Instant now);

    /** Leaves the account without a password: it signs in through the identity provider only. */
    void removePassword(UserId id, Instant now);

    /**
     * @throws io.tokenkeeper.domain.base.ConflictException when the username is taken (ignoring case)
     */
    User rename(UserId id, Username username, Instant now);

    long count();

    /**
     * One page of users whose username, display name or email contains {@code text} (ignoring case), ordered by
     * username. An empty text matches everyone.
     */
    List<UserSummary> search(String text, int offset, int limit);

    long countMatching(String text);

    void setEnabled(UserId id, boolean enabled, Instant now);

    void setPrivileges(UserId id, Set<Privilege> privileges, Instant now);

    /**
     * Makes transactions that change who is an enabled administrator take turns until the current transaction ends,
     * so that "never remove the last administrator" holds under concurrent requests.
     */
    void lockAdministrators();

    long countEnabledAdministrators();
}
