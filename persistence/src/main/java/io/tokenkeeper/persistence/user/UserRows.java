package io.tokenkeeper.persistence.user;

import static io.tokenkeeper.persistence.jooq.Tables.APP_USER;
import static io.tokenkeeper.persistence.jooq.Tables.USER_PRIVILEGE;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import io.tokenkeeper.domain.user.DisplayName;
import io.tokenkeeper.domain.user.EmailAddress;
import io.tokenkeeper.domain.user.Privilege;
import io.tokenkeeper.domain.user.User;
import io.tokenkeeper.domain.user.UserId;
import io.tokenkeeper.domain.user.Username;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;

/** How a user is read from {@code app_user} and its privileges, for every adapter that selects users. */
public final class UserRows {

    /** The user's privileges, nested into the same row with MULTISET (no second query, no N+1). */
    public static final Field<Set<Privilege>> PRIVILEGES = multiset(
                    select(USER_PRIVILEGE.PRIVILEGE).from(USER_PRIVILEGE).where(USER_PRIVILEGE.USER_ID.eq(APP_USER.ID)))
            .convertFrom(rows -> privileges(rows.getValues(USER_PRIVILEGE.PRIVILEGE)))
            .as("privileges");

    /** The columns {@link #toUser(Record)} reads. */
    public static final List<SelectField<?>> COLUMNS = List.of(
            APP_USER.ID,
            APP_USER.USERNAME,
            APP_USER.DISPLAY_NAME,
            APP_USER.EMAIL,
            APP_USER.ENABLED,
            APP_USER.CREATED_AT,
            APP_USER.UPDATED_AT,
            PRIVILEGES);

    private UserRows() {}

    public static User toUser(Record row) {
        String email = row.get(APP_USER.EMAIL);
        return new User(
                new UserId(row.get(APP_USER.ID)),
                new Username(row.get(APP_USER.USERNAME)),
                new DisplayName(row.get(APP_USER.DISPLAY_NAME)),
                email == null ? null : new EmailAddress(email),
                row.get(APP_USER.ENABLED),
                row.get(PRIVILEGES),
                row.get(APP_USER.CREATED_AT),
                row.get(APP_USER.UPDATED_AT));
    }

    private static Set<Privilege> privileges(List<String> names) {
        var privileges = EnumSet.noneOf(Privilege.class);
        names.forEach(name -> privileges.add(Privilege.valueOf(name)));
        return privileges;
    }
}
