package io.tokenkeeper.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class HeaderFirewallTest {

    @Test
    void header_names_are_judged_as_the_strict_firewalls_regular_expression_judges_them_for_every_code_point() {
        for (var text : everyCodePointAndSomeStrings()) {
            assertThat(HeaderFirewall.NAMES.test(text))
                    .as("name %s", describe(text))
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text));
        }
    }

    @Test
    void header_values_are_judged_as_the_strict_firewalls_regular_expression_judges_them_for_every_code_point() {
        for (var text : everyCodePointAndSomeStrings()) {
            assertThat(HeaderFirewall.VALUES.test(text))
                    .as("value %s", describe(text))
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
        }
    }

    @Test
    void parameter_names_are_judged_as_the_strict_firewalls_regular_expression_judges_them_for_every_code_point() {
        for (var text : everyCodePointAndSomeStrings()) {
            assertThat(HeaderFirewall.NAMES.test(text))
                    .as("parameter name %s", describe(text))
                    .isEqualTo(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(text));
        }
    }

    @Test
    void a_tab_is_allowed_in_a_value_and_not_in_a_name_and_a_token_passes_both() {
        assertThat(HeaderFirewall.VALUES.test("a\tb")).isTrue();
        assertThat(HeaderFirewall.NAMES.test("a\tb")).isFalse();
        assertThat(HeaderFirewall.VALUES.test("Bearer tk_0123456789abcdefABCDEF_xyz"))
                .isTrue();
        assertThat(HeaderFirewall.VALUES.test("a\u0000b")).isFalse();
        assertThat(HeaderFirewall.VALUES.test("")).isTrue();
    }

    private static List<String> everyCodePointAndSomeStrings() {
        var texts = new ArrayList<String>(Character.MAX_CODE_POINT + 16);
        for (int point = 0; point <= Character.MAX_CODE_POINT; point++) {
            texts.add(Character.toString(point));
        }
        // An unpaired surrogate on either side, a pair split across printable text, controls after plain text.
        texts.addAll(List.of(
                "\uD800",
                "a\uDC00",
                "\uD83D\uDE00x",
                "x\uD83D",
                "abc\u007F",
                "abc\u0085",
                "abc\u009F",
                "abc\u00A0",
                "abc\u0378",
                "Mozilla/5.0 (X11; Linux x86_64)"));
        return texts;
    }

    private static String describe(String text) {
        return text.codePoints()
                .mapToObj(point -> String.format("U+%04X", point))
                .toList()
                .toString();
    }
}
