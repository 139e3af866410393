package io.tokenkeeper.persistence.identity;

import static io.tokenkeeper.persistence.jooq.Tables.APP_USER;
import static io.tokenkeeper.persistence.jooq.Tables.IDENTITY_LINK;
import static org.jooq.impl.DSL.lower;

import io.tokenkeeper.domain.base.ConflictException;
import io.tokenkeeper.domain.identity.IdentityLink;
import io.tokenkeeper.domain.identity.IdentityLinks;
import io.tokenkeeper.domain.identity.LinkedAccount;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.persistence.base.SqlErrors;
import io.tokenkeeper.persistence.user.UserRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** Links between accounts and the identity provider in {@code identity_link}. */
public final class JooqIdentityLinks implements IdentityLinks {

    private static final List<SelectField<?>> LINK_COLUMNS = List.of(
            IDENTITY_LINK.USER_ID,
            IDENTITY_LINK.STATE,
            IDENTITY_LINK.ISSUER,
            IDENTITY_LINK.SUBJECT,
            IDENTITY_LINK.EXTERNAL_ID);

    private static final List<SelectField<?>> ACCOUNT_COLUMNS;

    static {
        var columns = new ArrayList<SelectField<?>>(UserRows.COLUMNS);
        columns.addAll(
                List.of(IDENTITY_LINK.STATE, IDENTITY_LINK.ISSUER, IDENTITY_LINK.SUBJECT, IDENTITY_LINK.EXTERNAL_ID));
        ACCOUNT_COLUMNS = List.copyOf(columns);
    }

    private final DSLContext dsl;

    public JooqIdentityLinks(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<IdentityLink> find(UserId user) {
        return dsl.select(LINK_COLUMNS)
                .from(IDENTITY_LINK)
                .where(IDENTITY_LINK.USER_ID.eq(user.value()))
                .fetchOptional(JooqIdentityLinks::toLink);
    }

    @Override
    public Optional<IdentityLink> findBySubject(IdentityLink.Subject subject) {
        return dsl.select(LINK_COLUMNS)
                .from(IDENTITY_LINK)
                .where(IDENTITY_LINK.ISSUER.eq(subject.issuer()))
                .and(IDENTITY_LINK.SUBJECT.eq(subject.subject()))
                .fetchOptional(JooqIdentityLinks::toLink);
    }

    @Override
    public void save(IdentityLink link, Instant now) {
        var subject = link.subject();
        try {
            dsl.insertInto(IDENTITY_LINK)
                    .columns(
                            IDENTITY_LINK.USER_ID,
                            IDENTITY_LINK.STATE,
                            IDENTITY_LINK.ISSUER,
                            IDENTITY_LINK.SUBJECT,
                            IDENTITY_LINK.EXTERNAL_ID,
                            IDENTITY_LINK.UPDATED_AT)
                    .values(
                            link.user().value(),
                            link.state().name(),
                            subject == null ? null : subject.issuer(),
                            subject == null ? null : subject.subject(),
                            link.externalId(),
                            now)
                    .onConflict(IDENTITY_LINK.USER_ID)
                    .doUpdate()
                    .set(IDENTITY_LINK.STATE, link.state().name())
                    .set(IDENTITY_LINK.ISSUER, subject == null ? null : subject.issuer())
                    .set(IDENTITY_LINK.SUBJECT, subject == null ? null : subject.subject())
                    .set(IDENTITY_LINK.EXTERNAL_ID, link.externalId())
                    .set(IDENTITY_LINK.UPDATED_AT, now)
                    .execute();
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e, "identity_link_one_account_per_subject")) {
                throw new ConflictException("Another account is linked to this person at the identity provider.");
            }
            throw e;
        }
    }

    @Override
    public void remove(UserId user) {
        dsl.deleteFrom(IDENTITY_LINK)
                .where(IDENTITY_LINK.USER_ID.eq(user.value()))
                .execute();
    }

    @Override
    public Optional<LinkedAccount> findLinked(UserId user) {
        return dsl.select(ACCOUNT_COLUMNS)
                .from(APP_USER)
                .join(IDENTITY_LINK)
                .on(IDENTITY_LINK.USER_ID.eq(APP_USER.ID))
                .where(APP_USER.ID.eq(user.value()))
                .and(linked())
                .fetchOptional(JooqIdentityLinks::toAccount);
    }

    @Override
    public List<LinkedAccount> searchLinked(
            @Nullable String username, @Nullable String externalId, int offset, int limit) {
        return dsl.select(ACCOUNT_COLUMNS)
                .from(APP_USER)
                .join(IDENTITY_LINK)
                .on(IDENTITY_LINK.USER_ID.eq(APP_USER.ID))
                .where(matching(username, externalId))
                .orderBy(APP_USER.ID)
                .offset(offset)
                .limit(limit)
                .fetch(JooqIdentityLinks::toAccount);
    }

    @Override
    public long countLinked(@Nullable String username, @Nullable String externalId) {
        return dsl.fetchCount(dsl.selectOne()
                .from(APP_USER)
                .join(IDENTITY_LINK)
                .on(IDENTITY_LINK.USER_ID.eq(APP_USER.ID))
                .where(matching(username, externalId)));
    }

    @Override
    public List<User> allowedToLink() {
        return dsl.select(UserRows.COLUMNS)
                .from(APP_USER)
                .join(IDENTITY_LINK)
                .on(IDENTITY_LINK.USER_ID.eq(APP_USER.ID))
                .where(IDENTITY_LINK.STATE.eq(IdentityLink.State.ALLOWED.name()))
                .orderBy(lower(APP_USER.USERNAME))
                .fetch(UserRows::toUser);
    }

    private static Condition linked() {
        return IDENTITY_LINK.STATE.eq(IdentityLink.State.LINKED.name());
    }

    private static Condition matching(@Nullable String username, @Nullable String externalId) {
        var condition = linked();
        if (username != null) {
            // The expression of the unique index app_user_username_key (V1), so that the index serves it.
            condition = condition.and(lower(APP_USER.USERNAME).eq(DSL.lower(DSL.val(username))));
        }
        if (externalId != null) {
            condition = condition.and(IDENTITY_LINK.EXTERNAL_ID.eq(externalId));
        }
        return condition;
    }

    private static IdentityLink toLink(Record row) {
        return new IdentityLink(
                new UserId(row.get(IDENTITY_LINK.USER_ID)),
                IdentityLink.State.valueOf(row.get(IDENTITY_LINK.STATE)),
                subject(row),
                row.get(IDENTITY_LINK.EXTERNAL_ID));
    }

    private static LinkedAccount toAccount(Record row) {
        var user = UserRows.toUser(row);
        return new LinkedAccount(
                user,
                new IdentityLink(
                        user.id(),
                        IdentityLink.State.valueOf(row.get(IDENTITY_LINK.STATE)),
                        subject(row),
                        row.get(IDENTITY_LINK.EXTERNAL_ID)));
    }

    private static IdentityLink.@Nullable Subject subject(Record row) {
        String issuer = row.get(IDENTITY_LINK.ISSUER);
        String subject = row.get(IDENTITY_LINK.SUBJECT);
        return issuer == null || subject == null ? null : new IdentityLink.Subject(issuer, subject);
    }
}
