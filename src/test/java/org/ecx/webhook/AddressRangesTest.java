package org.ecx.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11, finding 4: every blocked range, in every spelling an attacker may use; public addresses pass. */
class AddressRangesTest {

    @ParameterizedTest(name = "{0} is refused ({1})")
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0            | this network",
            "10.255.1.2         | RFC 1918",
            "100.127.255.254    | CGNAT",
            "127.0.0.1          | loopback",
            "127.255.255.255    | loopback",
            "169.254.169.254    | cloud metadata",
            "172.31.0.1         | RFC 1918",
            "192.0.0.8          | IETF",
            "192.0.2.1          | documentation",
            "192.88.99.1        | 6to4 relay",
            "192.168.0.1        | RFC 1918",
            "198.19.0.1         | benchmarking",
            "198.51.100.7       | documentation",
            "203.0.113.9        | documentation",
            "239.1.1.1          | multicast",
            "255.255.255.255    | broadcast",
            "::                 | unspecified",
            "::1                | loopback",
            "::127.0.0.1        | IPv4-compatible, dotted",
            "::7f00:1           | IPv4-compatible, hex",
            "0:0:0:0:0:0:7f00:1 | IPv4-compatible, long form",
            "::8.8.8.8          | IPv4-compatible even of a public address",
            "::ffff:127.0.0.1   | IPv4-mapped, dotted",
            "::ffff:7f00:1      | IPv4-mapped, hex",
            "0:0:0:0:0:ffff:a00:1 | IPv4-mapped, long form",
            "::ffff:0:7f00:1    | IPv4-translated",
            "::ffff:0:127.0.0.1 | IPv4-translated, dotted",
            "64:ff9b::7f00:1    | NAT64",
            "64:ff9b::127.0.0.1 | NAT64, dotted",
            "64:ff9b:1::1       | local NAT64",
            "100::1             | discard",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2 | Teredo",
            "2001:db8::1        | documentation",
            "2002:7f00:1::      | 6to4 of loopback",
            "2002:0808:0808::1  | 6to4 of a public address",
            "fd12:3456::1       | unique-local",
            "fc00::1            | unique-local",
            "fe80::1            | link-local",
            "fec0::1            | site-local",
            "ff02::1            | multicast"})
    void aNonPublicAddressIsRefused(String address, String why) throws Exception {
        assertThat(AddressRanges.blocked(InetAddress.getByName(address.trim()))).as(why).isPresent();
        assertThat(WebhookUrls.isPublic(InetAddress.getByName(address.trim()))).isFalse();
    }

    @ParameterizedTest(name = "{0} is public")
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0", "172.32.0.1", "192.0.3.1",
            "198.17.255.255", "223.255.255.254", "2001:4860:4860::8888", "2a00:1450:4001:82b::200e",
            "2003::1"})
    void aPublicUnicastAddressIsAllowed(String address) throws Exception {
        assertThat(AddressRanges.blocked(InetAddress.getByName(address))).isEmpty();
    }
}
