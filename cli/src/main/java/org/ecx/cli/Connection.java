package org.ecx.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/**
 * Where ECX and its Keycloak are and how to sign in (every command mixes these in). Sign-in, first match wins:
 * a bearer token ({@code --token} or {@code ECX_TOKEN}); the client-credentials grant of a machine client
 * ({@code --client-id} with {@code --client-secret} or {@code ECX_CLIENT_SECRET}); the password grant of a
 * person ({@code --user} with {@code --password} or {@code ECX_PASSWORD}, public client {@code ecx-cli}).
 */
public final class Connection {

    @Option(names = "--url", defaultValue = "${env:ECX_URL:-http://localhost:8080}",
            description = "ECX base URL (env ECX_URL; default ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--keycloak", defaultValue = "${env:ECX_KEYCLOAK:-http://localhost:8180}",
            description = "Keycloak base URL (env ECX_KEYCLOAK; default ${DEFAULT-VALUE})")
    URI keycloak;

    @Option(names = "--realm", defaultValue = "${env:ECX_REALM:-ecx}", description = "Keycloak realm (default ${DEFAULT-VALUE})")
    String realm;

    @Option(names = "--token", defaultValue = "${env:ECX_TOKEN}", description = "Bearer token (env ECX_TOKEN)")
    String token;

    @Option(names = "--client-id", description = "Machine client (client-credentials grant), or the public client"
            + " for --user (default ecx-cli)")
    String clientId;

    @Option(names = "--client-secret", defaultValue = "${env:ECX_CLIENT_SECRET}",
            description = "Secret of --client-id (env ECX_CLIENT_SECRET)")
    String clientSecret;

    @Option(names = "--user", description = "User name (password grant)")
    String user;

    @Option(names = "--password", defaultValue = "${env:ECX_PASSWORD}", description = "Password of --user (env ECX_PASSWORD)",
            arity = "0..1", interactive = true)
    char[] password;

    /** The API client these options describe. */
    EcxApi api() {
        return new EcxApi(url, signIn());
    }

    SignIn signIn() {
        URI tokenEndpoint = URI.create(keycloak.toString().replaceAll("/+$", "") + "/realms/" + realm
                + "/protocol/openid-connect/token");
        if (token != null && !token.isBlank()) {
            return SignIn.fixed(token);
        }
        if (user != null) {
            if (password == null) {
                throw new IllegalArgumentException("--user needs --password (or ECX_PASSWORD)");
            }
            return SignIn.password(tokenEndpoint, clientId == null ? "ecx-cli" : clientId, user, new String(password));
        }
        if (clientId != null) {
            if (clientSecret == null) {
                throw new IllegalArgumentException("--client-id needs --client-secret (or ECX_CLIENT_SECRET)");
            }
            return SignIn.clientCredentials(tokenEndpoint, clientId, clientSecret);
        }
        throw new IllegalArgumentException("sign in with --token, --client-id/--client-secret or --user/--password");
    }
}
