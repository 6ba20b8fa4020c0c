package org.ecx.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.ecx.common.EcxConfig;

/**
 * Which webhook URLs ECX may call (SSRF, docs/federation.md). Only absolute {@code https} URLs (and {@code http}
 * where {@code ecx.webhooks.allow-http}), without user info; and, unless {@code ecx.webhooks.allow-private-networks},
 * every address the host resolves to must be a public unicast address: no loopback, wildcard, private
 * (RFC 1918), carrier-grade NAT, link-local (cloud metadata), unique-local or multicast address. Checked when a
 * subscription is made and again before each delivery (the name may have been re-pointed since); redirects are
 * never followed.
 */
@ApplicationScoped
public class WebhookUrls {

    @Inject
    EcxConfig config;

    /** Why ECX must not call {@code url}, or empty when it may. */
    public Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !(scheme.equals("http") && config.webhooks().allowHttp())) {
            return Optional.of(config.webhooks().allowHttp() ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must be an absolute URL with a host, without user info or fragment");
        }
        if (config.webhooks().allowPrivateNetworks()) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("host cannot be resolved");
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                return Optional.of("resolves to a non-public address");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) // 0/8, 100.64/10 (CGNAT)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0)         // 192.0.0/24
                    && !(first == 198 && (second == 18 || second == 19))            // 198.18/15
                    && first < 240;                                                 // 240/4, broadcast
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // fc00::/7 unique-local
        }
        return false;
    }
}
