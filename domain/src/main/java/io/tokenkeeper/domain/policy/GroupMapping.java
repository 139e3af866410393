package io.tokenkeeper.domain.policy;

import io.tokenkeeper.domain.base.Text;
import io.tokenkeeper.domain.user.Privilege;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An identity-provider group whose members hold a privilege, for example {@code tokenkeeper-users} → API Access.
 * The name is what the provider sends in the groups claim (a name, a path such as {@code /tokenkeeper-users}, or an
 * object id); it is compared ignoring case.
 */
public record GroupMapping(String group, Privilege privilege) {

    public static final int MAX_GROUP_LENGTH = 256;

    public GroupMapping {
        if (!group.equals(Text.normalise(group))) {
            throw new IllegalArgumentException("A group name is stored normalised");
        }
    }

    /**
     * @throws io.tokenkeeper.domain.base.InvalidInputException naming {@code field} when the name is empty, too long,
     *     holds an invisible character or a token value
     */
    public static GroupMapping of(String field, @Nullable String group, Privilege privilege) {
        return new GroupMapping(
                Text.require(field, "a group name", Text.normalise(group), MAX_GROUP_LENGTH), privilege);
    }

    /** The form groups are compared in. */
    public String key() {
        return key(group);
    }

    static String key(String group) {
        return Text.normalise(group).toLowerCase(Locale.ROOT);
    }
}
