package org.ecx.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ecx.client.ApiClient;
import org.ecx.client.ApiException;
import org.ecx.client.api.ConsultationsApi;
import org.ecx.client.api.ControlListsApi;
import org.ecx.client.api.DenialsApi;
import org.ecx.client.api.FederationApi;
import org.ecx.client.api.ScreeningApi;
import org.ecx.client.model.Consultation;
import org.ecx.client.model.ConsultationOpenRequest;
import org.ecx.client.model.ConsultationReply;
import org.ecx.client.model.ControlListDiff;
import org.ecx.client.model.ControlListEditionDocument;
import org.ecx.client.model.ControlListEditionPage;
import org.ecx.client.model.Denial;
import org.ecx.client.model.DenialRequest;
import org.ecx.client.model.FeedItem;
import org.ecx.client.model.FeedPage;
import org.ecx.client.model.Problem;
import org.ecx.client.model.ScreeningMatch;
import org.ecx.client.model.ScreeningRequest;
import org.ecx.client.model.ScreeningResult;
import org.ecx.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The Java client generated from openapi/ecx.yaml at build time (openapi-generator, native library) drives
 * the running service through the main flows, exactly as an integrator's generated client would: post a
 * denial, screen, open and answer a consultation, import and diff an edition, follow the feed, and read
 * errors as typed problems. The request bodies are the contract's own examples, read by the generated models.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URL base;

    private ApiClient as(String state, String... roles) {
        String token = TestTokens.token(state, roles);
        ApiClient client = new ApiClient(HttpClient.newBuilder(), ApiClient.createDefaultObjectMapper(),
                base.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private <T> T example(ApiClient client, String operationId, Class<T> type) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("openapi-examples/" + operationId + ".request.json")) {
            return client.getObjectMapper().readValue(in, type);
        }
    }

    @Test
    void aGeneratedClientPostsADenialThatAPartnerScreensConsultsOnAndFollowsInTheFeed() throws Exception {
        ApiClient deOfficer = as("DE", "denial-officer");
        DenialRequest request = example(deOfficer, "createDenial", DenialRequest.class);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        request.setNationalReference("DE-CLIENT-" + unique);
        request.getParties().get(0).setName("Quellwerk Anlagen " + unique + " GmbH");
        request.getParties().get(0).setAliases(List.of());
        Denial denial = new DenialsApi(deOfficer).createDenial(request, null);
        assertThat(denial.getId()).isNotNull();

        // FR (NSG member and addressee of the licence group) screens the same party and finds the denial
        ApiClient frLicensing = as("FR", "licensing-officer");
        ScreeningRequest screening = example(frLicensing, "screenTransaction", ScreeningRequest.class);
        screening.getParties().get(0).setName("Quellwerk Anlagen " + unique);
        screening.getParties().get(0).setAliases(List.of());
        ScreeningResult result = new ScreeningApi(frLicensing).screenTransaction(screening, null);
        assertThat(result.getMatches()).extracting(ScreeningMatch::getDenialId).contains(denial.getId());

        // FR consults DE; DE objects
        ConsultationOpenRequest open = example(frLicensing, "openConsultation", ConsultationOpenRequest.class);
        open.setDenialId(denial.getId().toString());
        Consultation consultation = new ConsultationsApi(frLicensing).openConsultation(open);
        ConsultationReply reply = example(deOfficer, "replyToConsultation", ConsultationReply.class);
        Consultation answered = new ConsultationsApi(deOfficer).replyToConsultation(consultation.getId().toString(), reply);
        assertThat(answered.getState().getValue()).isEqualTo("ANSWERED");

        // a federation peer of FR sees the denial in its feed (follow nextCursor until caught up)
        FederationApi feed = new FederationApi(as("FR", "federation-peer"));
        assertThat(followFeedUntil(feed, denial.getId().toString())).isTrue();
    }

    private static boolean followFeedUntil(FederationApi feed, String recordId) throws ApiException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String cursor = null;
        while (Instant.now().isBefore(deadline)) {
            FeedPage page = feed.readFeed(cursor, 500);
            for (FeedItem item : page.getItems()) {
                if (recordId.equals(item.getRecordId())) {
                    return true;
                }
            }
            cursor = page.getNextCursor() != null ? page.getNextCursor() : cursor;
            if (Boolean.TRUE.equals(page.getCaughtUp())) {
                Thread.sleep(100); // changes become readable shortly after commit
            }
        }
        return false;
    }

    @Test
    void aGeneratedClientImportsAnEditionAndDiffsItAgainstThePublishedOne() throws Exception {
        ApiClient editor = as("DE", "list-editor");
        ControlListEditionDocument document = example(editor, "importEdition", ControlListEditionDocument.class);
        String edition = "c" + UUID.randomUUID().toString().substring(0, 8);
        document.setEdition(edition);
        document.setEffectiveDate(LocalDate.of(2031, 1, 1));
        ControlListsApi lists = new ControlListsApi(editor);
        assertThat(lists.importEdition("SAMPLE-DU", document, null, null, null, null, null).getEdition())
                .isEqualTo(edition);
        ControlListDiff diff = lists.diffEditions(edition, "SAMPLE-DU", "2025-01");
        assertThat(diff.getFrom()).isEqualTo("2025-01");
        assertThat(diff.getTo()).isEqualTo(edition);
        assertThat(diff.getRemoved()).isNotEmpty(); // the sample edition has far more entries than the example

        // one paging shape: read editions one per page until caught up; the last page has no cursor
        List<String> editions = new ArrayList<>();
        String cursor = null;
        ControlListEditionPage page;
        do {
            page = lists.listEditions("SAMPLE-DU", cursor, 1);
            page.getItems().forEach(e -> editions.add(e.getEdition()));
            cursor = page.getNextCursor();
        } while (!page.getCaughtUp());
        assertThat(page.getNextCursor()).isNull();
        assertThat(editions).contains("2025-01", edition).doesNotHaveDuplicates();
    }

    @Test
    void errorsReachTheGeneratedClientAsTypedProblems() throws Exception {
        ApiClient frLicensing = as("FR", "licensing-officer");
        String missing = UUID.randomUUID().toString();
        assertThatThrownBy(() -> new DenialsApi(frLicensing).getDenial(missing))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
                    Problem problem = read(frLicensing, e.getResponseBody());
                    assertThat(problem.getStatus()).isEqualTo(404);
                    assertThat(problem.getType()).isNotBlank();
                });
        // a licensing officer may not notify denials: 403 as a problem
        DenialRequest request = example(frLicensing, "createDenial", DenialRequest.class);
        assertThatThrownBy(() -> new DenialsApi(frLicensing).createDenial(request, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(read(frLicensing, e.getResponseBody())
                        .getStatus()).isEqualTo(403));
    }

    private static Problem read(ApiClient client, String body) {
        try {
            return client.getObjectMapper().readValue(body, Problem.class);
        } catch (IOException e) {
            throw new AssertionError("not a problem body: " + body, e);
        }
    }
}
