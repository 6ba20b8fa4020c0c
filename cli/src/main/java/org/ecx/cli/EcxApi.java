package org.ecx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * ECX over HTTP: bearer token on every request (renewed once after a 401), problem+json answers turned into
 * {@link ProblemException}s that name the problem's code, title, detail and field errors.
 */
final class EcxApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final SignIn signIn;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    EcxApi(URI base, SignIn signIn) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.signIn = signIn;
    }

    /** An error answer of ECX (application/problem+json), or another non-2xx answer. */
    static final class ProblemException extends IOException {
        final int status;
        final JsonNode problem;

        ProblemException(String request, int status, JsonNode problem, String body) {
            super(request + " answered " + status + ": " + describe(problem, body));
            this.status = status;
            this.problem = problem;
        }

        private static String describe(JsonNode problem, String body) {
            if (problem == null) {
                return body.length() > 500 ? body.substring(0, 500) + " …" : body;
            }
            StringBuilder s = new StringBuilder(problem.path("code").asText(""));
            s.append(s.length() > 0 ? " " : "").append(problem.path("title").asText(""));
            if (problem.hasNonNull("detail")) {
                s.append(": ").append(problem.path("detail").asText());
            }
            for (JsonNode error : problem.path("errors")) {
                s.append("\n  ").append(error.path("field").asText()).append(": ").append(error.path("message").asText());
            }
            return s.toString();
        }
    }

    /** {@code path} relative to the API root ({@code api/v1/...}) with the query parameters that are not null. */
    URI uri(String path, Map<String, ?> query) {
        String q = query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return base.resolve(path + (q.isEmpty() ? "" : "?" + q));
    }

    JsonNode getJson(URI uri) throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(uri).header("Accept", "application/json").GET()::build).body());
    }

    /**
     * Sends a request (built anew for a retry) with the bearer token; a 2xx answer is returned, anything else
     * thrown as a {@link ProblemException}.
     */
    HttpResponse<String> send(Supplier<HttpRequest> request) throws IOException, InterruptedException {
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpRequest r = request.get();
            HttpRequest signed = HttpRequest.newBuilder(r, (name, value) -> true)
                    .header("Authorization", "Bearer " + signIn.token(attempt > 0))
                    .timeout(r.timeout().orElse(Duration.ofMinutes(2))).build();
            response = http.send(signed, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 401) {
                break;
            }
        }
        if (response.statusCode() / 100 != 2) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode problem = null;
            if (type.startsWith("application/problem+json") || type.startsWith("application/json")) {
                try {
                    problem = JSON.readTree(response.body());
                } catch (IOException notJson) {
                    problem = null;
                }
            }
            throw new ProblemException(response.request().method() + " " + response.request().uri().getPath(),
                    response.statusCode(), problem, response.body());
        }
        return response;
    }
}
