package io.tokenkeeper.domain.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenkeeper.domain.base.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpRangeTest {

    @Test
    void a_single_ipv4_address_contains_only_itself() {
        var range = IpRange.parse("f", "203.0.113.7");

        assertThat(range.contains("203.0.113.7")).isTrue();
        assertThat(range.contains("203.0.113.8")).isFalse();
        assertThat(range).hasToString("203.0.113.7");
    }

    @ParameterizedTest
    @CsvSource({
        "203.0.113.0/24, 203.0.113.255, true",
        "203.0.113.0/24, 203.0.114.0, false",
        "10.0.0.0/8, 10.255.1.2, true",
        "0.0.0.0/0, 198.51.100.1, true",
        "2001:db8::/32, 2001:db8:ffff::1, true",
        "2001:db8::/32, 2001:db9::1, false",
        "203.0.113.0/24, 2001:db8::1, false",
        "::1, ::1, true"
    })
    void a_cidr_range_contains_the_addresses_under_its_prefix(String range, String address, boolean inside) {
        assertThat(IpRange.parse("f", range).contains(address)).isEqualTo(inside);
    }

    @Test
    void the_network_part_is_normalised() {
        assertThat(IpRange.parse("f", " 203.0.113.77/24 ")).hasToString("203.0.113.0/24");
        assertThat(IpRange.parse("f", "203.0.113.77/24")).isEqualTo(IpRange.parse("f", "203.0.113.0/24"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "example.com",
                "localhost",
                "256.1.1.1",
                "1.2.3",
                "1.2.3.4.5",
                "1.2.3.4/",
                "1.2.3.4/x",
                "1..2.3",
                ".1.2.3",
                "1.2.3.",
                "1234.1.1.1",
                "1.2.3.4444",
                "0x1.2.3.4",
                "1.2.3.-4",
                "\u0661.\u0662.\u0663.\u0664",
                "\uff11.2.3.4",
                "\u0661::1"
            })
    void refuses_anything_that_is_not_a_literal_address_or_range(String entry) {
        assertThatThrownBy(() -> IpRange.parse("trustedRanges", entry))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("trustedRanges"));
    }

    @Test
    void every_dotted_quad_reads_as_the_jdk_reads_it_leading_zeros_decimal() throws Exception {
        var random = new java.util.Random(7);
        var samples = new java.util.ArrayList<>(java.util.List.of(
                "0.0.0.0", "255.255.255.255", "010.001.000.009", "00.1.1.1", "1.2.3.04", "192.168.0.1"));
        for (int i = 0; i < 2_000; i++) {
            samples.add(random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + random.nextInt(256));
        }
        for (var address : samples) {
            var expected = java.net.InetAddress.getByAddress(
                    java.net.InetAddress.getByName(address).getAddress());
            assertThat(IpRange.parse("f", address)).as(address).hasToString(expected.getHostAddress());
        }
    }

    @Test
    void refuses_a_prefix_longer_than_the_address() {
        assertThatThrownBy(() -> IpRange.parse("f", "203.0.113.0/33"))
                .hasMessage("“203.0.113.0/33”: the prefix length can be at most 32.");
    }

    @Test
    void an_unparseable_client_address_is_outside_every_range() {
        assertThat(IpRange.parse("f", "0.0.0.0/0").contains("not-an-ip")).isFalse();
        assertThat(IpRange.parse("f", "0.0.0.0/0").contains(null)).isFalse();
    }
}
