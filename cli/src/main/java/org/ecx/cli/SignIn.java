package org.ecx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Gets bearer tokens from Keycloak (OAuth 2.0 token endpoint); {@link EcxApi} asks again after a 401. */
abstract class SignIn {

    /** A token; {@code renew} is true when the previous one was refused. */
    abstract String token(boolean renew) throws IOException, InterruptedException;

    static SignIn fixed(String token) {
        return new SignIn() {
            @Override
            String token(boolean renew) {
                return token;
            }
        };
    }

    static SignIn clientCredentials(URI tokenEndpoint, String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return new Grant(tokenEndpoint, form);
    }

    static SignIn password(URI tokenEndpoint, String clientId, String user, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", user);
        form.put("password", password);
        return new Grant(tokenEndpoint, form);
    }

    /** A grant at the token endpoint, repeated when the token expired. */
    private static final class Grant extends SignIn {
        private final URI endpoint;
        private final Map<String, String> form;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private String current;

        Grant(URI endpoint, Map<String, String> form) {
            this.endpoint = endpoint;
            this.form = form;
        }

        @Override
        String token(boolean renew) throws IOException, InterruptedException {
            if (current == null || renew) {
                String body = form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode answer = EcxApi.JSON.readTree(r.body().isEmpty() ? "{}" : r.body());
                if (r.statusCode() != 200 || !answer.hasNonNull("access_token")) {
                    throw new IOException("sign-in refused by " + endpoint + " (" + r.statusCode() + "): "
                            + answer.path("error_description").asText(answer.path("error").asText(r.body())));
                }
                current = answer.path("access_token").asText();
            }
            return current;
        }
    }
}
