package io.tokenkeeper.ui.token;

import com.vaadin.flow.component.datepicker.DatePicker;
import io.tokenkeeper.domain.base.LocalDays;
import io.tokenkeeper.ui.base.Times;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The expiration date field of New API Token and Extend Expiry: a day in the user's own time zone, until whose end the
 * token works, from today up to the last day the policy's longest lifetime allows (pre-selected). Without a longest
 * lifetime the field may stay empty: the token never expires.
 */
final class ExpiryDays {

    private ExpiryDays() {}

    static void limit(DatePicker expiresOn, Instant now, @Nullable Integer maxLifetimeDays) {
        var zone = Times.zone();
        expiresOn.setMin(LocalDays.today(now, zone));
        String endOfDay = "The token works until the end of that day (" + Times.zoneName() + ").";
        if (maxLifetimeDays == null) {
            expiresOn.setClearButtonVisible(true);
            expiresOn.setHelperText("Optional: left empty, the token never expires. " + endOfDay);
        } else {
            var latest = LocalDays.lastDayEndingWithin(now, Duration.ofDays(maxLifetimeDays), zone);
            expiresOn.setMax(latest);
            expiresOn.setValue(latest);
            expiresOn.setRequiredIndicatorVisible(true);
            expiresOn.setHelperText(
                    "Your administrator allows tokens to live at most " + maxLifetimeDays + " days. " + endOfDay);
        }
        expiresOn.setWidthFull();
    }
}
