package org.ecx.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 4: a name that resolved to a public address when the subscription was made and is then
 * re-pointed to a private one is refused at connection time, and a delivery connects to the checked address.
 */
class DnsRebindingTest {

    private static final URI HOOK = URI.create("https://hooks.partner.example/ecx");

    /** A DNS server that answers each look-up with the next answer. */
    private static WebhookUrls.Resolver answers(String... addresses) {
        Deque<String> queue = new ArrayDeque<>(java.util.List.of(addresses));
        return host -> new InetAddress[] {InetAddress.getByName(queue.isEmpty() ? addresses[addresses.length - 1]
                : queue.poll())};
    }

    @Test
    void aNameRePointedToLoopbackAfterTheCheckIsRefusedAtConnectionTime() throws Exception {
        WebhookUrls.Resolver rebinding = answers("93.184.216.34", "127.0.0.1");
        assertThat(WebhookUrls.target(HOOK, rebinding, false)).isEqualTo(InetAddress.getByName("93.184.216.34"));
        assertThatThrownBy(() -> WebhookUrls.target(HOOK, rebinding, false))
                .isInstanceOf(WebhookUrls.Refused.class).hasMessage("resolves to a non-public address");
    }

    @Test
    void aNameWithOnePrivateAmongSeveralAddressesIsRefused() {
        WebhookUrls.Resolver mixed = host -> new InetAddress[] {InetAddress.getByName("93.184.216.34"),
                InetAddress.getByName("::ffff:169.254.169.254")};
        assertThatThrownBy(() -> WebhookUrls.target(HOOK, mixed, false)).isInstanceOf(WebhookUrls.Refused.class);
    }

    @Test
    void theConnectionGoesToTheAddressThatWasChecked() throws Exception {
        assertThat(WebhookUrls.target(HOOK, answers("2001:4860:4860::8888"), false))
                .isEqualTo(InetAddress.getByName("2001:4860:4860::8888"));
        // local runs may allow private networks; the address is still pinned
        assertThat(WebhookUrls.target(HOOK, answers("127.0.0.1"), true)).isEqualTo(InetAddress.getByName("127.0.0.1"));
    }
}
