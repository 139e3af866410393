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
        boolean v6 = address.indexOf(':') >= 0;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            boolean allowed = Character.digit(c, 16) >= 0 || c == '.' || (v6 && c == ':');
            if (!allowed) {
                return null;
            }
        }
        if (!v6 && !isDottedQuad(address)) {
            return null;
        }
        try {
            // Only hex digits, dots and colons reach here, so no name is ever resolved.
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isDottedQuad(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return false;
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
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
