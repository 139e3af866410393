package io.tokenkeeper.app.security;

import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall, with its header checks written as a loop instead of a regular expression. The
 * rules are the firewall's own — a header name must be made of assigned, non-control characters, a value too, a tab
 * aside — but each {@code getHeader} of every request ran two regular expressions: on a warm API request, reading
 * the {@code Authorization} and {@code User-Agent} headers cost more than verifying the token. Parameter names, checked
 * on every {@code getParameter} (the introspection reads its form fields so), follow the header names' rule.
 */
@Configuration(proxyBeanMethods = false)
class HeaderFirewall {

    /** What {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} accepts. */
    static final Predicate<String> NAMES = name -> allAssignedAndNotControl(name, false);

    /** What {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*} accepts. */
    static final Predicate<String> VALUES = value -> allAssignedAndNotControl(value, true);

    @Bean
    HttpFirewall httpFirewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(NAMES);
        firewall.setAllowedHeaderValues(VALUES);
        // Parameter names follow the header names' rule; it runs on every getParameter, as introspection reads its
        // form.
        firewall.setAllowedParameterNames(NAMES);
        return firewall;
    }

    private static boolean allAssignedAndNotControl(String text, boolean tabAllowed) {
        for (int at = 0; at < text.length(); ) {
            int point = text.codePointAt(at);
            if (point < 0x7f && point >= 0x20) {
                at++;
                continue;
            }
            if (!Character.isDefined(point) || (Character.isISOControl(point) && !(tabAllowed && point == '\t'))) {
                return false;
            }
            at += Character.charCount(point);
        }
        return true;
    }
}
