package io.tokenkeeper.domain.policy;

import io.tokenkeeper.domain.base.InvalidInputException;
import io.tokenkeeper.domain.user.Privilege;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How people sign in when Tokenkeeper is connected to the company's identity provider.
 *
 * @param groupMappings which provider groups grant which privilege. A privilege that some group maps to follows the
 *     groups at every sign-in through the provider (granted to members, taken from everyone else); a privilege no
 *     group maps to is left to administrators
 * @param passwordSignInAdministratorsOnly the sign-in form takes only administrators' passwords (a break-glass path
 *     that is always audited); everyone else signs in through the identity provider
 */
public record SignInPolicy(List<GroupMapping> groupMappings, boolean passwordSignInAdministratorsOnly) {

    public static final int MAX_GROUP_MAPPINGS = 100;
    public static final SignInPolicy DEFAULT = new SignInPolicy(List.of(), false);

    public SignInPolicy {
        if (groupMappings.size() > MAX_GROUP_MAPPINGS) {
            throw new InvalidInputException(
                    "groupMappings",
                    "Map at most " + MAX_GROUP_MAPPINGS + " groups (there are " + groupMappings.size() + ").");
        }
        var seen = new HashSet<String>();
        for (var mapping : groupMappings) {
            if (!seen.add(mapping.key() + "\n" + mapping.privilege())) {
                throw new IllegalArgumentException("A group maps to a privilege once");
            }
        }
        groupMappings = List.copyOf(groupMappings);
    }

    /** The input field {@link PolicyService#updateSignInPolicy} names for a bad group mapped to {@code privilege}. */
    public static String groupsField(Privilege privilege) {
        return "groups." + privilege.name();
    }

    /** The privileges that follow the provider's groups. */
    public Set<Privilege> mappedPrivileges() {
        var mapped = EnumSet.noneOf(Privilege.class);
        groupMappings.forEach(mapping -> mapped.add(mapping.privilege()));
        return mapped;
    }

    /** The groups mapped to {@code privilege}, in the order they were entered. */
    public List<String> groupsFor(Privilege privilege) {
        return groupMappings.stream()
                .filter(mapping -> mapping.privilege() == privilege)
                .map(GroupMapping::group)
                .toList();
    }

    /**
     * The privileges a member of {@code groups} holds after signing in: the mapped ones their groups grant, and of
     * the others whatever they held before.
     */
    public Set<Privilege> privilegesFor(Collection<String> groups, Set<Privilege> before) {
        var keys = groups.stream().map(GroupMapping::key).collect(Collectors.toSet());
        var after = EnumSet.noneOf(Privilege.class);
        after.addAll(before);
        after.removeAll(mappedPrivileges());
        groupMappings.stream()
                .filter(mapping -> keys.contains(mapping.key()))
                .forEach(mapping -> after.add(mapping.privilege()));
        return after;
    }
}
