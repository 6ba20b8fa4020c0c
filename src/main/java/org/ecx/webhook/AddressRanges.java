package org.ecx.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The explicit table of address ranges a webhook may never reach (SSRF, docs/federation.md): IANA special-purpose
 * ranges (RFC 6890 registries) that are not globally reachable unicast, plus every IPv6 form that embeds or
 * translates an IPv4 address ({@code ::127.0.0.1}, {@code ::ffff:0:7f00:1}, NAT64, 6to4, Teredo), since the
 * IPv4 address behind it may be private. IPv4-mapped {@code ::ffff:a.b.c.d} is listed too, though the JDK already
 * reads it as the IPv4 address. Each range has a test.
 */
final class AddressRanges {

    /** One blocked range: base address, prefix length and why it is blocked. */
    record Range(String cidr, String why) {
        boolean contains(InetAddress address) {
            int slash = cidr.indexOf('/');
            byte[] base = literal(cidr.substring(0, slash)).getAddress();
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            byte[] a = address.getAddress();
            if (a.length != base.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((a[i / 8] & mask) != (base[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    static final List<Range> BLOCKED = List.of(
            new Range("0.0.0.0/8", "\"this\" network"),
            new Range("10.0.0.0/8", "private (RFC 1918)"),
            new Range("100.64.0.0/10", "carrier-grade NAT"),
            new Range("127.0.0.0/8", "loopback"),
            new Range("169.254.0.0/16", "link-local (cloud metadata)"),
            new Range("172.16.0.0/12", "private (RFC 1918)"),
            new Range("192.0.0.0/24", "IETF protocol assignments"),
            new Range("192.0.2.0/24", "documentation"),
            new Range("192.88.99.0/24", "6to4 relay anycast"),
            new Range("192.168.0.0/16", "private (RFC 1918)"),
            new Range("198.18.0.0/15", "benchmarking"),
            new Range("198.51.100.0/24", "documentation"),
            new Range("203.0.113.0/24", "documentation"),
            new Range("224.0.0.0/4", "multicast"),
            new Range("240.0.0.0/4", "reserved and broadcast"),
            new Range("::/96", "unspecified, loopback and IPv4-compatible (::a.b.c.d)"),
            new Range("::ffff:0:0/96", "IPv4-mapped"),
            new Range("::ffff:0:0:0/96", "IPv4-translated"),
            new Range("64:ff9b::/96", "NAT64 (embeds an IPv4 address)"),
            new Range("64:ff9b:1::/48", "local-use NAT64"),
            new Range("100::/64", "discard-only"),
            new Range("2001::/23", "IETF protocol assignments (Teredo 2001::/32 embeds an IPv4 address)"),
            new Range("2001:db8::/32", "documentation"),
            new Range("2002::/16", "6to4 (embeds an IPv4 address)"),
            new Range("fc00::/7", "unique-local"),
            new Range("fe80::/10", "link-local"),
            new Range("fec0::/10", "site-local (deprecated)"),
            new Range("ff00::/8", "multicast"));

    private AddressRanges() {
    }

    /** The blocked range {@code address} lies in, or empty for a public unicast address. */
    static Optional<Range> blocked(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return Optional.of(new Range(address.getHostAddress() + "/" + address.getAddress().length * 8,
                    "classified non-public by the JDK"));
        }
        return BLOCKED.stream().filter(r -> r.contains(address)).findFirst();
    }

    /** An address literal, parsed without any DNS look-up. */
    static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }
}
