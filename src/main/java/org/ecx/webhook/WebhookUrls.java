package org.ecx.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * subscription is made and again at connection time: a delivery connects to the very address that was checked
 * ({@link #target}), so a name re-pointed in between (DNS rebinding) gains nothing; redirects are never followed.
 * The blocked ranges are the explicit table of {@link AddressRanges}.
 */
@ApplicationScoped
class WebhookUrls {

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
        try {
            target(uri, SYSTEM_DNS, false);
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(e.getMessage());
        }
    }

    /** How host names are resolved; the system resolver except in tests that simulate DNS rebinding. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final Resolver SYSTEM_DNS = InetAddress::getAllByName;

    /** Why a URL may not be called. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The one address a delivery connects to, resolved and checked now, at connection time: the caller connects
     * to exactly this address (the URL's host still goes into {@code Host}, SNI and certificate checks), so a name
     * re-pointed to a private address after the check (DNS rebinding) is never reached. Every address the name
     * resolves to must be public, unless private networks are allowed.
     */
    static InetAddress target(URI uri, Resolver resolver, boolean allowPrivateNetworks) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("host cannot be resolved");
        }
        if (addresses.length == 0) {
            throw new Refused("host cannot be resolved");
        }
        if (!allowPrivateNetworks) {
            for (InetAddress a : addresses) {
                if (!isPublic(a)) {
                    throw new Refused("resolves to a non-public address");
                }
            }
        }
        return addresses[0];
    }

    /** {@link #target(URI, Resolver, boolean)} with the system resolver and the configured policy. */
    InetAddress target(URI uri) throws Refused {
        return target(uri, SYSTEM_DNS, config.webhooks().allowPrivateNetworks());
    }

    /** Whether ECX may connect to {@code a}: not in any range of {@link AddressRanges}. */
    static boolean isPublic(InetAddress a) {
        return AddressRanges.blocked(a).isEmpty();
    }
}
