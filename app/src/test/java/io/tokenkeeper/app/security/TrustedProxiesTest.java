package io.tokenkeeper.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void reads_comma_separated_addresses_and_ranges() {
        var proxies = TrustedProxies.parse(List.of("10.1.2.3, 172.16.5.0/24", "", "2001:db8::/64"));

        assertThat(proxies.ranges()).hasSize(3);
        assertThat(proxies.broadlyTrustedProxies()).isEmpty();
    }

    @Test
    void names_ranges_wide_enough_to_hold_hosts_that_are_not_a_proxy() {
        var proxies = TrustedProxies.parse(List.of("10.0.0.0/8,192.168.1.0/24,fd00::/8"));

        assertThat(proxies.broadlyTrustedProxies()).hasValue("10.0.0.0/8, fd00:0:0:0:0:0:0:0/8");
    }

    @Test
    void a_malformed_entry_stops_start_up_naming_the_setting() {
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("proxy.example.com")))
                .hasMessageContaining("is not an IP address");
    }
}
