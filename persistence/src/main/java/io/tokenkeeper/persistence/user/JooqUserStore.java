package io.tokenkeeper.persistence.user;

import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN;
import static io.tokenkeeper.persistence.jooq.Tables.APP_USER;
import static io.tokenkeeper.persistence.jooq.Tables.USER_PRIVILEGE;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.select;

import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.base.NotFoundException;
import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.EmailAddress;
import io.tokenkeeper.domain.user.NewUser;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.UserStore;
import io.tokenkeeper.domain.user.UserSummary;
import io.tokenkeeper.domain.user.Username;
import io.tokenkeeper.persistence.base.SqlErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** Users and their privileges in {@code app_user} and {@code user_privilege}. */
public final class JooqUserStore implements UserStore {

    /** Any constant will do, as long as nothing else takes the same advisory lock. */
    private static final long ADMINISTRATORS_LOCK = 0x746b_6164_6d69_6eL;

    private final DSLContext dsl;

    public JooqUserStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<User> findById(UserId id) {
        return findOne(APP_USER.ID.eq(id.value()));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return findOne(lower(APP_USER.USERNAME).eq(DSL.lower(DSL.val(username))));
    }

    @Override
    public Optional<String> passwordHash(UserId id) {
        return dsl.select(APP_USER.PASSWORD_HASH)
                .from(APP_USER)
                .where(APP_USER.ID.eq(id.value()))
                .fetchOptional(APP_USER.PASSWORD_HASH);
    }

    @Override
    public User create(NewUser user, Instant now) {
        long id;
        try {
            id = dsl.insertInto(APP_USER)
                    .columns(
                            APP_USER.USERNAME,
                            APP_USER.DISPLAY_NAME,
                            APP_USER.EMAIL,
                            APP_USER.PASSWORD_HASH,
                            APP_USER.ENABLED,
                            APP_USER.CREATED_AT,
                            APP_USER.UPDATED_AT)
                    .values(
                            user.username().value(),
                            user.displayName().value(),
                            user.email() == null ? null : user.email().value(),
                            user.passwordHash(),
                            true,
                            now,
                            now)
                    .returningResult(APP_USER.ID)
                    .fetchSingle(APP_USER.ID);
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e, "app_user_username_key")) {
                throw new ConflictException("The username " + user.username() + " is already taken.");
            }
            throw e;
        }
        var insert = dsl.insertInto(
                USER_PRIVILEGE, USER_PRIVILEGE.USER_ID, USER_PRIVILEGE.PRIVILEGE, USER_PRIVILEGE.GRANTED_AT);
        for (Privilege privilege : user.privileges()) {
            insert = insert.values(id, privilege.name(), now);
        }
        if (!user.privileges().isEmpty()) {
            insert.execute();
        }
        return findById(new UserId(id)).orElseThrow();
    }

    @Override
    public User updateProfile(UserId id, DisplayName displayName, @Nullable EmailAddress email, Instant now) {
        int updated = dsl.update(APP_USER)
                .set(APP_USER.DISPLAY_NAME, displayName.value())
                .set(APP_USER.EMAIL, email == null ? null : email.value())
                .set(APP_USER.UPDATED_AT, now)
                .where(APP_USER.ID.eq(id.value()))
                .execute();
        if (updated == 0) {
            throw new NotFoundException("This account no longer exists.");
        }
        return findById(id).orElseThrow();
    }

    @Override
    public void updatePasswordHash(UserId id, String passwordHash, Instant now) {
        int updated = dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.UPDATED_AT, now)
                .where(APP_USER.ID.eq(id.value()))
                .execute();
        if (updated == 0) {
            throw new NotFoundException("This account no longer exists.");
        }
    }

    @Override
    public void removePassword(UserId id, Instant now) {
        int updated = dsl.update(APP_USER)
                .setNull(APP_USER.PASSWORD_HASH)
                .set(APP_USER.UPDATED_AT, now)
                .where(APP_USER.ID.eq(id.value()))
                .execute();
        if (updated == 0) {
            throw new NotFoundException("This account no longer exists.");
        }
    }

    @Override
    public User rename(UserId id, Username username, Instant now) {
        int updated;
        try {
            updated = dsl.update(APP_USER)
                    .set(APP_USER.USERNAME, username.value())
                    .set(APP_USER.UPDATED_AT, now)
                    .where(APP_USER.ID.eq(id.value()))
                    .execute();
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e, "app_user_username_key")) {
                throw new ConflictException("The username " + username + " is already taken.");
            }
            throw e;
        }
        if (updated == 0) {
            throw new NotFoundException("This account no longer exists.");
        }
        return findById(id).orElseThrow();
    }

    @Override
    public long count() {
        return dsl.fetchCount(APP_USER);
    }

    @Override
    public List<UserSummary> search(String text, int offset, int limit) {
        Field<Integer> activeTokens = DSL.field(select(DSL.count())
                        .from(API_TOKEN)
                        .where(API_TOKEN.OWNER_ID.eq(APP_USER.ID))
                        .and(API_TOKEN.REVOKED_AT.isNull()))
                .as("active_tokens");
        var columns = new ArrayList<SelectField<?>>(UserRows.COLUMNS);
        columns.add(activeTokens);
        return dsl.select(columns)
                .from(APP_USER)
                .where(matching(text))
                .orderBy(lower(APP_USER.USERNAME))
                .offset(offset)
                .limit(limit)
                .fetch(row -> new UserSummary(UserRows.toUser(row), row.get(activeTokens)));
    }

    @Override
    public long countMatching(String text) {
        return dsl.fetchCount(APP_USER, matching(text));
    }

    @Override
    public void setEnabled(UserId id, boolean enabled, Instant now) {
        int updated = dsl.update(APP_USER)
                .set(APP_USER.ENABLED, enabled)
                .set(APP_USER.UPDATED_AT, now)
                .where(APP_USER.ID.eq(id.value()))
                .execute();
        if (updated == 0) {
            throw new NotFoundException("This user does not exist.");
        }
    }

    @Override
    public void setPrivileges(UserId id, Set<Privilege> privileges, Instant now) {
        dsl.deleteFrom(USER_PRIVILEGE)
                .where(USER_PRIVILEGE.USER_ID.eq(id.value()))
                .and(USER_PRIVILEGE.PRIVILEGE.notIn(names(privileges)))
                .execute();
        for (Privilege privilege : privileges) {
            dsl.insertInto(USER_PRIVILEGE, USER_PRIVILEGE.USER_ID, USER_PRIVILEGE.PRIVILEGE, USER_PRIVILEGE.GRANTED_AT)
                    .values(id.value(), privilege.name(), now)
                    .onConflictDoNothing()
                    .execute();
        }
        dsl.update(APP_USER)
                .set(APP_USER.UPDATED_AT, now)
                .where(APP_USER.ID.eq(id.value()))
                .execute();
    }

    @Override
    public void lockAdministrators() {
        dsl.select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.val(ADMINISTRATORS_LOCK)))
                .fetch();
    }

    @Override
    public long countEnabledAdministrators() {
        return dsl.fetchCount(
                APP_USER,
                APP_USER.ENABLED
                        .isTrue()
                        .and(DSL.exists(DSL.selectOne()
                                .from(USER_PRIVILEGE)
                                .where(USER_PRIVILEGE.USER_ID.eq(APP_USER.ID))
                                .and(USER_PRIVILEGE.PRIVILEGE.eq(Privilege.ADMINISTRATOR.name())))));
    }

    private static Condition matching(String text) {
        if (text.isBlank()) {
            return DSL.noCondition();
        }
        String pattern = "%"
                + text.toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
        // The same expression as the trigram index of V8__user_search.sql, so that the index serves it.
        return DSL.condition(
                "(lower({0}) || ' ' || lower({1}) || ' ' || coalesce(lower({2}), '')) like {3}",
                APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.EMAIL, DSL.val(pattern));
    }

    private static List<String> names(Set<Privilege> privileges) {
        return privileges.stream().map(Privilege::name).toList();
    }

    private Optional<User> findOne(Condition condition) {
        return dsl.select(UserRows.COLUMNS).from(APP_USER).where(condition).fetchOptional(UserRows::toUser);
    }
}
