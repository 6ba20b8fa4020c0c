package org.ecx.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.ecx.access.TokenConfig;
import org.ecx.common.EcxConfig;
import org.ecx.controllist.ControlListConfig;
import org.ecx.statistics.StatisticsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Helm chart {@code helm/ecx}, linted and rendered by Helm 3 embedded through helm-java (no helm
 * binary, no cluster). A plain unit test: it starts neither Quarkus nor a database.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "ecx");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String KUBE_VERSION = "v1.30.0";

    /** The four values without a default: everything else comes from the chart's values.yaml. */
    private static final String REQUIRED_VALUES = """
            database:
              url: jdbc:postgresql://postgres.example.org:5432/ecx?sslmode=verify-full
              existingSecret: ecx-db
            keys:
              existingSecret: ecx-keys
            oidc:
              authServerUrl: https://keycloak.example.org/realms/ecx
              authorizedParties: [ecx-web, de-system]
            """;

    @TempDir
    static Path tmp;

    private static Path validValues;

    @BeforeAll
    static void writeValidValues() throws IOException {
        validValues = Files.writeString(tmp.resolve("valid-values.yaml"), REQUIRED_VALUES);
    }

    @Test
    void theChartLintsCleanlyWithTheRequiredValues() throws IOException {
        // helm-java's lint takes no values file: lint a copy whose values.yaml has the required values merged in
        Path copy = copyChartWithValues(REQUIRED_VALUES);

        LintResult result = new Helm(copy).lint().strict().call();

        assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void theChartAsShippedFailsLintBecauseItHasNoDatabaseOrKeycloakDefaults() {
        LintResult result = new Helm(CHART).lint().call();

        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages())).contains("values don't meet the specifications of the schema");
    }

    @Test
    void probesUseTheQuarkusHealthEndpointsOnTheManagementPort() {
        List<JsonNode> docs = render(t -> t);
        JsonNode container = container(docs);

        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo("management");
        }
        assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(container.at("/ports/1/name").asText()).isEqualTo("management");
        assertThat(container.at("/ports/1/containerPort").asInt()).isEqualTo(9000);
        assertThat(configMap(docs).at("/data/QUARKUS_MANAGEMENT_PORT").asText()).isEqualTo("9000");
    }

    @Test
    void neitherTheApiServiceNorTheIngressExposesTheManagementPort() {
        List<JsonNode> docs = render(t -> t.set("ingress.enabled", "true").set("metrics.serviceMonitor.enabled", "true"));

        JsonNode api = docs.stream().filter(d -> "Service".equals(d.path("kind").asText())
                && "ecx".equals(d.at("/metadata/name").asText())).findFirst().orElseThrow();
        assertThat(api.at("/spec/ports")).hasSize(1);
        assertThat(api.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
        assertThat(ofKind(docs, "Ingress").findValues("port")).allSatisfy(p -> assertThat(p.path("name").asText()).isEqualTo("http"));
        // the ServiceMonitor scrapes a Service of its own that carries only the management port
        JsonNode monitor = ofKind(docs, "ServiceMonitor");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("management");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
        JsonNode management = docs.stream().filter(d -> "ecx-management".equals(d.at("/metadata/name").asText()))
                .findFirst().orElseThrow();
        assertThat(management.at("/spec/ports")).hasSize(1);
        assertThat(management.at("/spec/ports/0/targetPort").asText()).isEqualTo("management");
        assertThat(monitor.at("/spec/selector/matchLabels").properties())
                .allSatisfy(e -> assertThat(management.at("/metadata/labels").path(e.getKey()).asText())
                        .isEqualTo(e.getValue().asText()));
        assertThat(api.at("/metadata/labels").path("app.kubernetes.io/component").isMissingNode()).isTrue();
    }

    @Test
    void swaggerUiIsOffUnlessSwitchedOn() {
        assertThat(configMap(render(t -> t)).at("/data/QUARKUS_SWAGGER_UI_ENABLED").asText()).isEqualTo("false");
        assertThat(configMap(render(t -> t.set("swaggerUi.enabled", "true"))).at("/data/QUARKUS_SWAGGER_UI_ENABLED").asText())
                .isEqualTo("true");
    }

    @Test
    void restrictedEgressWithoutDatabaseAndKeycloakPeersIsRefused() {
        assertThatThrownBy(() -> render(t -> t.set("networkPolicy.enabled", "true").set("networkPolicy.restrictEgress", "true")))
                .hasMessageContaining("networkPolicy.restrictEgress needs networkPolicy.database.to and networkPolicy.keycloak.to");
        assertThatThrownBy(() -> render(t -> t.set("networkPolicy.enabled", "true").set("networkPolicy.restrictEgress", "true")
                .set("networkPolicy.database.to[0].ipBlock.cidr", "192.0.2.10/32")))
                .hasMessageContaining("networkPolicy.keycloak.to");
    }

    @Test
    void restrictedEgressLetsThePodsReachDnsPostgresqlAndKeycloakOnly() {
        JsonNode policy = ofKind(render(t -> t.set("networkPolicy.enabled", "true").set("networkPolicy.restrictEgress", "true")
                .set("networkPolicy.database.to[0].ipBlock.cidr", "192.0.2.10/32")
                .set("networkPolicy.keycloak.to[0].ipBlock.cidr", "192.0.2.20/32")), "NetworkPolicy");

        assertThat(policy.at("/spec/policyTypes").toString()).contains("Egress");
        JsonNode egress = policy.at("/spec/egress");
        assertThat(egress).hasSize(3);
        assertThat(egress.get(0).at("/ports/0/port").asInt()).isEqualTo(53);
        assertThat(egress.get(1).at("/to/0/ipBlock/cidr").asText()).isEqualTo("192.0.2.10/32");
        assertThat(egress.get(1).at("/ports/0/port").asInt()).isEqualTo(5432);
        assertThat(egress.get(2).at("/to/0/ipBlock/cidr").asText()).isEqualTo("192.0.2.20/32");
        assertThat(egress.get(2).at("/ports/0/port").asInt()).isEqualTo(443);
    }

    @Test
    void everyEcxSettingReachesTheConfigMapUnderItsQuarkusName() {
        JsonNode data = configMap(render(t -> t.set("ecx.webhooks.maxAttempts", "7")
                .set("ecx.screening.auditNames", "true")
                .set("ecx.consultations.holidays.de[0]", "2026-12-25")
                .set("ecx.consultations.holidays.de[1]", "2026-12-26")
                .set("ecx.sequencer.checkpointEvery", "PT5M")
                .set("ecx.statistics.period", "DAY"))).path("data");

        assertThat(data.path("ECX_WEBHOOKS_MAX_ATTEMPTS").asText()).isEqualTo("7");
        assertThat(data.path("ECX_WEBHOOKS_ALLOW_HTTP").asText()).isEqualTo("false");
        assertThat(data.path("ECX_SCREENING_AUDIT_NAMES").asText()).isEqualTo("true");
        assertThat(data.path("ECX_SCREENING_DEFAULT_THRESHOLD").asText()).isEqualTo("0.8");
        assertThat(data.path("ECX_CONSULTATIONS_HOLIDAYS_DE").asText()).isEqualTo("2026-12-25,2026-12-26");
        assertThat(data.path("ECX_SEQUENCER_CHECKPOINT_EVERY").asText()).isEqualTo("PT5M");
        assertThat(data.path("ECX_STATISTICS_PERIOD").asText()).isEqualTo("DAY");
        assertThat(data.path("ECX_FEED_SCAN_WINDOW").asText()).isEqualTo("10000");
        assertThat(data.path("ECX_TOKENS_ALLOWED_SKEW").asText()).isEqualTo("PT30S");
    }

    /**
     * Every application setting with a default (the config mappings' {@code @WithDefault}) is a chart value that
     * reaches the ConfigMap under its environment name with that same default: no setting is left to extraEnv,
     * and the chart does not silently change a default.
     */
    @Test
    void everyApplicationSettingWithADefaultIsAChartValueWithTheSameDefault() {
        JsonNode data = configMap(render(t -> t)).path("data");
        Map<String, String> defaults = new TreeMap<>();
        collectDefaults(EcxConfig.class, "ECX", defaults);
        collectDefaults(TokenConfig.class, "ECX_TOKENS", defaults);
        collectDefaults(ControlListConfig.class, "ECX_CONTROL_LISTS", defaults);
        collectDefaults(StatisticsConfig.class, "ECX_STATISTICS", defaults);
        // local-run switches, never set in production: the demo data and the sequencer's off switch for tests
        defaults.keySet().removeIf(k -> k.startsWith("ECX_DEMO_") || k.equals("ECX_SEQUENCER_ENABLED"));

        assertThat(defaults).hasSizeGreaterThan(25);
        assertThat(defaults).allSatisfy((env, value) -> assertThat(data.path(env).asText(null)).as(env).isEqualTo(value));
    }

    private static void collectDefaults(Class<?> mapping, String prefix, Map<String, String> into) {
        for (Method m : mapping.getDeclaredMethods()) {
            String env = prefix + "_" + m.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            WithDefault def = m.getAnnotation(WithDefault.class);
            if (def != null) {
                into.put(env, def.value());
            } else if (m.getReturnType().isInterface() && m.getReturnType().getEnclosingClass() == mapping) {
                collectDefaults(m.getReturnType(), env, into);
            }
        }
    }

    @Test
    void replicasAreSpreadOverZonesAndNodesByDefault() {
        JsonNode spread = deployment(render(t -> t)).at("/spec/template/spec/topologySpreadConstraints");

        assertThat(spread.findValuesAsText("topologyKey")).containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        assertThat(spread.get(0).at("/labelSelector/matchLabels").path("app.kubernetes.io/instance").asText()).isEqualTo("ecx");
    }

    @Test
    void databaseCredentialsComeOnlyFromTheExistingSecret() {
        List<JsonNode> docs = render(t -> t);
        JsonNode env = container(docs).path("env");

        for (String name : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            JsonNode var = envVar(env, name);
            assertThat(var.has("value")).as("%s has a literal value", name).isFalse();
            assertThat(var.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("ecx-db");
        }
        assertThat(envVar(env, "QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/key").asText())
                .isEqualTo("password");
        assertThat(envVar(env, "QUARKUS_DATASOURCE_USERNAME").at("/valueFrom/secretKeyRef/key").asText())
                .isEqualTo("username");
        assertThat(configMap(docs).path("data").has("QUARKUS_DATASOURCE_PASSWORD")).isFalse();
    }

    @Test
    void noSecretIsEverRendered() {
        List<JsonNode> docs = render(t -> t.set("ingress.enabled", "true").set("autoscaling.enabled", "true")
                .set("networkPolicy.enabled", "true"));

        assertThat(docs).extracting(d -> d.path("kind").asText())
                .contains("Deployment", "Service", "ConfigMap", "ServiceAccount", "PodDisruptionBudget",
                        "Ingress", "HorizontalPodAutoscaler", "NetworkPolicy")
                .doesNotContain("Secret");
    }

    @Test
    void theConfigMapCarriesTheNonSecretSettingsAndTheProdProfile() {
        JsonNode data = configMap(render(t -> t)).path("data");

        assertThat(data.path("QUARKUS_PROFILE").asText()).isEqualTo("prod");
        assertThat(data.path("QUARKUS_DATASOURCE_JDBC_URL").asText()).startsWith("jdbc:postgresql://");
        assertThat(data.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText()).isEqualTo("https://keycloak.example.org/realms/ecx");
        assertThat(data.path("QUARKUS_OIDC_TOKEN_AUDIENCE").asText()).as("audience is always checked").isEqualTo("ecx");
        assertThat(data.path("ECX_TOKENS_AUTHORIZED_PARTIES").asText()).isEqualTo("ecx-web,de-system");
        // large numbers stay integers (Helm reads YAML numbers as floats)
        assertThat(data.path("ECX_LIMITS_BODY_BYTES").asText()).isEqualTo("5242880");
        assertThat(data.path("ECX_LIMITS_EDITION_BODY_BYTES").asText()).isEqualTo("52428800");
        assertThat(data.path("ECX_PAGING_MAX_LIMIT").asText()).isEqualTo("500");
        // the per-principal limits of docs/operations.md, as Quarkus reads them
        assertThat(data.path("ECX_LIMITS_BODY_READ_TIMEOUT").asText()).isEqualTo("PT60S");
        assertThat(data.path("ECX_LIMITS_CONCURRENT_PER_PRINCIPAL").asText()).isEqualTo("16");
        assertThat(data.path("ECX_LIMITS_SCREENING_PER_SECOND").asText()).isEqualTo("2");
        assertThat(data.path("ECX_LIMITS_WRITES_BURST").asText()).isEqualTo("100");
        assertThat(data.path("QUARKUS_LOG_LEVEL").asText()).isEqualTo("INFO");
        assertThat(Long.parseLong(data.path("QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE").asText()))
                .isGreaterThan(Long.parseLong(data.path("ECX_LIMITS_EDITION_BODY_BYTES").asText()));
    }

    @Test
    void anotherTokenAudienceIsPassedWhenSet() {
        JsonNode data = configMap(render(t -> t.set("oidc.audience", "ecx-api"))).path("data");

        assertThat(data.path("QUARKUS_OIDC_TOKEN_AUDIENCE").asText()).isEqualTo("ecx-api");
    }

    @Test
    void theConsoleIsOffByDefaultAndNeitherItsClientNorItsSecretIsConfigured() {
        List<JsonNode> docs = render(t -> t);
        JsonNode data = configMap(docs).path("data");

        assertThat(data.path("ECX_CONSOLE_ENABLED").asText()).isEqualTo("false");
        assertThat(data.path("ECX_TOKENS_AUTHORIZED_PARTIES").asText()).isEqualTo("ecx-web,de-system");
        assertThat(container(docs).path("env").findValuesAsText("name")).doesNotContain("ECX_CONSOLE_CLIENT_SECRET");
    }

    @Test
    void anEnabledConsoleGetsItsClientSecretFromTheSecretAndItsClientAmongTheAuthorizedParties() {
        List<JsonNode> docs = render(t -> t.set("console.enabled", "true").set("console.existingSecret", "ecx-console"));
        JsonNode data = configMap(docs).path("data");

        assertThat(data.path("ECX_CONSOLE_ENABLED").asText()).isEqualTo("true");
        assertThat(data.path("ECX_CONSOLE_CLIENT_ID").asText()).isEqualTo("ecx-console");
        assertThat(data.path("ECX_CONSOLE_OIDC_URL").asText()).isEqualTo("https://keycloak.example.org/realms/ecx");
        assertThat(data.path("ECX_TOKENS_AUTHORIZED_PARTIES").asText()).isEqualTo("ecx-web,de-system,ecx-console");
        JsonNode secret = envVar(container(docs).path("env"), "ECX_CONSOLE_CLIENT_SECRET");
        assertThat(secret.has("value")).isFalse();
        assertThat(secret.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("ecx-console");
        assertThat(secret.at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("client-secret");
        assertThat(data.has("ECX_CONSOLE_CLIENT_SECRET")).isFalse();
    }

    @Test
    void anEnabledConsoleWithoutItsSecretIsRefused() {
        assertThatThrownBy(() -> render(t -> t.set("console.enabled", "true")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("existingSecret");
    }

    @Test
    void anHttpCeilingNotAboveTheEditionLimitIsRejected() {
        assertThatThrownBy(() -> render(t -> t.set("ecx.limits.httpMaxBodyBytes", "52428800")))
                .hasMessageContaining("must exceed ecx.limits.editionBodyBytes");
    }

    @Test
    void theDemoProfileCannotBeSwitchedOnThroughExtraEnv() {
        assertThatThrownBy(() -> render(t -> t.set("extraEnv[0].name", "QUARKUS_PROFILE")
                .set("extraEnv[0].value", "demo")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/extraEnv/0/name");
    }

    @Test
    void theConfigChecksumIsStableAndChangesWithTheConfiguration() {
        String base = checksum(render(t -> t));
        String again = checksum(render(t -> t));
        String changed = checksum(render(t -> t.set("ecx.paging.maxLimit", "200")));

        assertThat(base).matches("[0-9a-f]{64}");
        assertThat(again).isEqualTo(base);
        assertThat(changed).isNotEqualTo(base);
    }

    @Test
    void podsRunAsNonRootWithAReadOnlyRootFilesystemAndNoCapabilities() {
        List<JsonNode> docs = render(t -> t);
        JsonNode pod = deployment(docs).at("/spec/template/spec");
        JsonNode container = container(docs);

        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(container.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
    }

    @Test
    void prometheusScrapeAnnotationsFollowTheMetricsToggle() {
        JsonNode on = deployment(render(t -> t)).at("/spec/template/metadata/annotations");
        JsonNode off = deployment(render(t -> t.set("metrics.prometheusAnnotations", "false")))
                .at("/spec/template/metadata/annotations");

        assertThat(on.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
        assertThat(on.path("prometheus.io/port").asText()).isEqualTo("9000");
        assertThat(on.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(off.has("prometheus.io/scrape")).isFalse();
    }

    @Test
    void theAutoscalerTakesOverTheReplicaCount() {
        assertThat(deployment(render(t -> t)).at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(deployment(render(t -> t.set("autoscaling.enabled", "true"))).at("/spec").has("replicas"))
                .isFalse();
    }

    @ParameterizedTest(name = "rendering without {0} fails on the schema")
    @ValueSource(strings = {"database.url", "database.existingSecret", "keys.existingSecret", "oidc.authServerUrl",
            "oidc.authorizedParties"})
    void renderingWithoutARequiredValueFailsOnTheSchema(String missing) throws IOException {
        ObjectNode values = (ObjectNode) YAML.readTree(REQUIRED_VALUES);
        String[] path = missing.split("\\.");
        ((ObjectNode) values.path(path[0])).remove(path[1]);
        Path file = tmp.resolve("without-" + missing + ".yaml");
        YAML.writeValue(file.toFile(), values);

        assertThatThrownBy(() -> new Helm(CHART).template().withKubeVersion(KUBE_VERSION).withValuesFile(file).call())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("missing property '" + path[1] + "'");
    }

    @Test
    void aPasswordIsAcceptedNeitherAsAValueNorInTheJdbcUrl() {
        assertThatThrownBy(() -> render(t -> t.set("database.password", "secret")))
                .hasMessageContaining("schema")
                .hasMessageContaining("'password' not allowed");
        assertThatThrownBy(() -> render(t -> t.set("database.url", "jdbc:postgresql://db/ecx?password=secret")))
                .hasMessageContaining("schema")
                .hasMessageContaining("/database/url");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static List<JsonNode> render(UnaryOperator<TemplateCommand> customize) {
        String out = customize.apply(new Helm(CHART).template().withName("ecx").withNamespace("ecx")
                // helm-java's embedded Helm assumes Kubernetes v1.20 unless told otherwise
                .withKubeVersion(KUBE_VERSION)
                .withValuesFile(validValues)).call();
        try {
            List<JsonNode> docs = new ArrayList<>();
            for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(out).readAll()) {
                if (doc != null && doc.isObject() && doc.has("kind")) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new AssertionError("helm template rendered invalid YAML:\n" + out, e);
        }
    }

    private static JsonNode ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " rendered"));
    }

    private static JsonNode deployment(List<JsonNode> docs) {
        return ofKind(docs, "Deployment");
    }

    private static JsonNode configMap(List<JsonNode> docs) {
        return ofKind(docs, "ConfigMap");
    }

    private static JsonNode container(List<JsonNode> docs) {
        return deployment(docs).at("/spec/template/spec/containers/0");
    }

    private static JsonNode envVar(JsonNode env, String name) {
        for (JsonNode var : env) {
            if (name.equals(var.path("name").asText())) {
                return var;
            }
        }
        throw new AssertionError("no env var " + name);
    }

    private static String checksum(List<JsonNode> docs) {
        return deployment(docs).at("/spec/template/metadata/annotations").path("checksum/config").asText();
    }

    /** A copy of the chart in a temporary folder whose values.yaml has {@code overlay} merged in. */
    private static Path copyChartWithValues(String overlay) throws IOException {
        Path copy = tmp.resolve("chart-" + System.nanoTime()).resolve("ecx");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        ObjectNode values = (ObjectNode) YAML.readTree(CHART.resolve("values.yaml").toFile());
        merge(values, (ObjectNode) YAML.readTree(overlay));
        YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
        return copy;
    }

    private static void merge(ObjectNode base, ObjectNode overlay) {
        for (Map.Entry<String, JsonNode> e : overlay.properties()) {
            if (e.getValue().isObject() && base.get(e.getKey()) instanceof ObjectNode child) {
                merge(child, (ObjectNode) e.getValue());
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }
}
