package io.tokenkeeper.persistence.notification;

import static io.tokenkeeper.persistence.jooq.Tables.API_TOKEN;
import static io.tokenkeeper.persistence.jooq.Tables.APP_USER;
import static io.tokenkeeper.persistence.jooq.Tables.EXPIRY_REMINDER;
import static io.tokenkeeper.persistence.jooq.Tables.NOTIFICATION;
import static io.tokenkeeper.persistence.jooq.Tables.NOTIFICATION_MAIL_OPT_OUT;
import static io.tokenkeeper.persistence.jooq.Tables.RETIRING_TOKEN_VALUE;
import static io.tokenkeeper.persistence.jooq.Tables.USER_PRIVILEGE;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;

import io.tokenkeeper.domain.notification.Notification;
import io.tokenkeeper.domain.notification.NotificationKind;
import io.tokenkeeper.domain.notification.NotificationStore;
import io.tokenkeeper.domain.token.TokenId;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;

/** Notifications in {@code notification}; reminders claimed by the primary key of {@code expiry_reminder}. */
public final class JooqNotificationStore implements NotificationStore {

    private static final int TITLE = 200;
    private static final int MESSAGE = 2000;

    private final DSLContext dsl;

    public JooqNotificationStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Notification add(
            UserId recipient,
            NotificationKind kind,
            String title,
            String message,
            @Nullable TokenId token,
            @Nullable String address,
            Instant at) {
        return dsl.insertInto(NOTIFICATION)
                .set(NOTIFICATION.USER_ID, recipient.value())
                .set(NOTIFICATION.KIND, kind.name())
                .set(NOTIFICATION.TITLE, clip(title, TITLE))
                .set(NOTIFICATION.MESSAGE, clip(message, MESSAGE))
                .set(NOTIFICATION.TOKEN_ID, token == null ? null : token.value())
                .set(NOTIFICATION.ADDRESS, address)
                .set(NOTIFICATION.CREATED_AT, at)
                .returning()
                .fetchSingle(JooqNotificationStore::toNotification);
    }

    @Override
    public List<Notification> newest(UserId recipient, int limit) {
        return dsl.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.USER_ID.eq(recipient.value()))
                .orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc())
                .limit(limit)
                .fetch(JooqNotificationStore::toNotification);
    }

    @Override
    public int unread(UserId recipient) {
        return dsl.fetchCount(
                NOTIFICATION, NOTIFICATION.USER_ID.eq(recipient.value()).and(NOTIFICATION.READ_AT.isNull()));
    }

    @Override
    public boolean markRead(UserId recipient, long id, Instant at) {
        return dsl.update(NOTIFICATION)
                        .set(NOTIFICATION.READ_AT, at)
                        .where(NOTIFICATION.ID.eq(id))
                        .and(NOTIFICATION.USER_ID.eq(recipient.value()))
                        .and(NOTIFICATION.READ_AT.isNull())
                        .execute()
                == 1;
    }

    @Override
    public int markAllRead(UserId recipient, Instant at) {
        return dsl.update(NOTIFICATION)
                .set(NOTIFICATION.READ_AT, at)
                .where(NOTIFICATION.USER_ID.eq(recipient.value()))
                .and(NOTIFICATION.READ_AT.isNull())
                .execute();
    }

    @Override
    public List<UserId> administrators() {
        return dsl.select(APP_USER.ID)
                .from(APP_USER)
                .join(USER_PRIVILEGE)
                .on(USER_PRIVILEGE.USER_ID.eq(APP_USER.ID))
                .where(APP_USER.ENABLED)
                .and(USER_PRIVILEGE.PRIVILEGE.eq(Privilege.ADMINISTRATOR.name()))
                .orderBy(APP_USER.ID)
                .fetch(row -> new UserId(row.value1()));
    }

    @Override
    public Set<NotificationKind> mailOptOuts(UserId user) {
        var kinds = EnumSet.noneOf(NotificationKind.class);
        dsl.select(NOTIFICATION_MAIL_OPT_OUT.KIND)
                .from(NOTIFICATION_MAIL_OPT_OUT)
                .where(NOTIFICATION_MAIL_OPT_OUT.USER_ID.eq(user.value()))
                .forEach(row -> kinds.add(NotificationKind.valueOf(row.value1())));
        return kinds;
    }

    @Override
    public void setMailOptOuts(UserId user, Set<NotificationKind> kinds) {
        dsl.deleteFrom(NOTIFICATION_MAIL_OPT_OUT)
                .where(NOTIFICATION_MAIL_OPT_OUT.USER_ID.eq(user.value()))
                .execute();
        for (var kind : kinds) {
            dsl.insertInto(NOTIFICATION_MAIL_OPT_OUT)
                    .set(NOTIFICATION_MAIL_OPT_OUT.USER_ID, user.value())
                    .set(NOTIFICATION_MAIL_OPT_OUT.KIND, kind.name())
                    .execute();
        }
    }

    @Override
    public List<DueReminder> claimDueReminders(List<Integer> leadDays, Instant now, int expiredWithin) {
        var claimed = new ArrayList<DueReminder>();
        var leads = new ArrayList<>(leadDays);
        leads.add(0);
        for (int lead : leads) {
            var due = lead == 0
                    ? API_TOKEN
                            .EXPIRES_AT
                            .le(now)
                            .and(API_TOKEN.EXPIRES_AT.gt(now.minus(Duration.ofDays(expiredWithin))))
                    : API_TOKEN.EXPIRES_AT.gt(now).and(API_TOKEN.EXPIRES_AT.le(now.plus(Duration.ofDays(lead))));
            var ids = dsl.insertInto(
                            EXPIRY_REMINDER,
                            EXPIRY_REMINDER.TOKEN_ID,
                            EXPIRY_REMINDER.LEAD_DAYS,
                            EXPIRY_REMINDER.CLAIMED_AT)
                    .select(select(API_TOKEN.ID, inline(lead), inline(now))
                            .from(API_TOKEN)
                            .where(API_TOKEN.REVOKED_AT.isNull())
                            .and(API_TOKEN.EXPIRES_AT.isNotNull())
                            .and(due))
                    .onConflictDoNothing()
                    .returningResult(EXPIRY_REMINDER.TOKEN_ID)
                    .fetch(row -> row.value1());
            if (ids.isEmpty()) {
                continue;
            }
            dsl.select(API_TOKEN.ID, API_TOKEN.OWNER_ID, API_TOKEN.NAME, API_TOKEN.HINT, API_TOKEN.EXPIRES_AT)
                    .from(API_TOKEN)
                    .where(API_TOKEN.ID.in(ids))
                    .forEach(row -> claimed.add(new DueReminder(
                            new TokenId(row.value1()),
                            new UserId(row.value2()),
                            row.value3(),
                            row.value4(),
                            row.value5(),
                            lead)));
        }
        return claimed;
    }

    @Override
    public void forgetReminders(TokenId token) {
        dsl.deleteFrom(EXPIRY_REMINDER)
                .where(EXPIRY_REMINDER.TOKEN_ID.eq(token.value()))
                .execute();
    }

    @Override
    public List<RetiredValue> claimRetiredValues(Instant now) {
        return dsl.update(RETIRING_TOKEN_VALUE)
                .set(RETIRING_TOKEN_VALUE.ANNOUNCED_AT, now)
                .from(API_TOKEN)
                .where(API_TOKEN.ID.eq(RETIRING_TOKEN_VALUE.TOKEN_ID))
                .and(API_TOKEN.REVOKED_AT.isNull())
                .and(RETIRING_TOKEN_VALUE.ANNOUNCED_AT.isNull())
                .and(RETIRING_TOKEN_VALUE.RETIRES_AT.le(now))
                .returningResult(
                        RETIRING_TOKEN_VALUE.TOKEN_ID,
                        API_TOKEN.OWNER_ID,
                        API_TOKEN.NAME,
                        RETIRING_TOKEN_VALUE.HINT,
                        RETIRING_TOKEN_VALUE.RETIRES_AT)
                .fetch(row -> new RetiredValue(
                        new TokenId(row.value1()), new UserId(row.value2()), row.value3(), row.value4(), row.value5()));
    }

    private static Notification toNotification(Record row) {
        Long token = row.get(NOTIFICATION.TOKEN_ID);
        return new Notification(
                row.get(NOTIFICATION.ID),
                new UserId(row.get(NOTIFICATION.USER_ID)),
                NotificationKind.valueOf(row.get(NOTIFICATION.KIND)),
                row.get(NOTIFICATION.TITLE),
                row.get(NOTIFICATION.MESSAGE),
                token == null ? null : new TokenId(token),
                row.get(NOTIFICATION.ADDRESS),
                row.get(NOTIFICATION.CREATED_AT),
                row.get(NOTIFICATION.READ_AT));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
