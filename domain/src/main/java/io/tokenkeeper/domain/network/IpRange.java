package io.tokenkeeper.domain.network;

import io.tokenkeeper.domain.base.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address, or a CIDR range of them ({@code 203.0.113.0/24}, {@code 2001:db8::/32}). Parsed without
 * any DNS look-up: only literal addresses are accepted.
 */
public final class IpRange {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private IpRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = format(network, prefixLength);
    }

    /** @throws InvalidInputException naming {@code field}, with the offending entry in the message */
    public static IpRange parse(String field, @Nullable String raw) {
        String entry = raw == null ? "" : raw.strip();
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new InvalidInputException(
                    field,
                    "“" + entry + "” is not an IP address or range. Use forms like 203.0.113.7 or 203.0.113.0/24.");
        }
        int maxPrefix = bytes.length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            String bits = entry.substring(slash + 1);
            if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
                throw new InvalidInputException(field, "“" + entry + "” has no valid prefix length after the slash.");
            }
            prefix = Integer.parseInt(bits);
            if (prefix > maxPrefix) {
                throw new InvalidInputException(
                        field, "“" + entry + "”: the prefix length can be at most " + maxPrefix + ".");
            }
        }
        return new IpRange(mask(bytes, prefix), prefix);
    }

    /**
     * More than one site's worth of addresses: an IPv4 range wider than /16 or an IPv6 range wider than /48 (or all
     * private or all addresses). Trusting forwarded headers from such a range trusts hosts that are not your proxy.
     */
    public boolean isBroad() {
        return network.length == 4 ? prefixLength < 16 : prefixLength < 48;
    }

    /** Whether {@code address} (a literal IP address) lies in this range; anything else is outside. */
    public boolean contains(@Nullable String address) {
        byte[] bytes = address == null ? null : literal(address);
        if (bytes == null || bytes.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(bytes, prefixLength), network);
    }

    private static byte @Nullable [] literal(String address) {
        if (address.isEmpty() || address.length() > 45) {
            return null;
        }
        if (address.indexOf(':') < 0) {
            return dottedQuad(address);
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            boolean allowed =
                    (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
            if (!allowed) {
                return null;
            }
        }
        try {
            // Only ASCII hex digits, dots and colons reach here, a colon among them: the JDK reads that as an IPv6
            // literal and never resolves it as a name.
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * Four decimal parts of one to three ASCII digits, each at most 255 (a leading zero is decimal, as the JDK reads
     * it); read here in one pass, since it runs for every request's client address.
     */
    private static byte @Nullable [] dottedQuad(String address) {
        var bytes = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 3) {
                    return null;
                }
                value = value * 10 + (c - '0');
            } else if (c == '.' && digits > 0 && part < 3 && value <= 255) {
                bytes[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        if (part != 3 || digits == 0 || value > 255) {
            return null;
        }
        bytes[3] = (byte) value;
        return bytes;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int bits = Math.clamp(prefix - i * 8L, 0, 8);
            masked[i] &= (byte) (0xFF << (8 - bits));
        }
        return masked;
    }

    private static String format(byte[] network, int prefix) {
        try {
            String address = InetAddress.getByAddress(network).getHostAddress();
            return prefix == network.length * 8 ? address : address + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpRange range
                && range.prefixLength == prefixLength
                && Arrays.equals(range.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefixLength;
    }

    /** The canonical form: the network address, and the prefix length when it is a range. */
    @Override
    public String toString() {
        return text;
    }
}
