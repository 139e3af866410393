package io.tokenkeeper.domain.policy;

import io.tokenkeeper.domain.base.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rules administrators set for tokens' lives after creation.
 *
 * @param disableUnusedAfterDays tokens not used for this many days (counted from creation when never used) are
 *     disabled; {@code null} means never
 * @param reminderDays how many days before a token expires its owner is reminded, largest first, distinct
 */
public record LifecyclePolicy(@Nullable Integer disableUnusedAfterDays, List<Integer> reminderDays) {

    public static final int MAX_DAYS = 3650;
    public static final int MAX_REMINDERS = 5;
    public static final LifecyclePolicy DEFAULT = new LifecyclePolicy(null, List.of(30, 7, 1));

    public LifecyclePolicy {
        if (disableUnusedAfterDays != null && (disableUnusedAfterDays < 1 || disableUnusedAfterDays > MAX_DAYS)) {
            throw new InvalidInputException(
                    "disableUnusedAfterDays", "Choose from 1 to " + MAX_DAYS + " days, or leave it empty for never.");
        }
        var distinct = new ArrayList<>(new LinkedHashSet<>(reminderDays));
        for (int days : distinct) {
            if (days < 1 || days > 365) {
                throw new InvalidInputException("reminderDays", "Reminders go out 1 to 365 days before expiry.");
            }
        }
        if (distinct.size() > MAX_REMINDERS) {
            throw new InvalidInputException("reminderDays", "Choose at most " + MAX_REMINDERS + " reminders.");
        }
        distinct.sort(Comparator.reverseOrder());
        reminderDays = List.copyOf(distinct);
    }

    /** Lead times as typed, such as "30, 7, 1"; blank means no reminders. */
    public static List<Integer> parseDays(@Nullable String text) {
        var days = new ArrayList<Integer>();
        if (text == null || text.isBlank()) {
            return days;
        }
        for (var part : text.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                days.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(
                        "reminderDays", "Enter whole numbers of days separated by commas, such as 30, 7, 1.");
            }
        }
        return days;
    }
}
