package org.ecx.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import jakarta.inject.Inject;
import org.ecx.consultation.ConsultationService;
import org.ecx.support.ConsoleBrowserProfile;
import org.ecx.support.DenialFixtures;
import org.ecx.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The officer console in a real browser (Debian chromium + chromium-driver, headless) against this test instance
 * and the real Keycloak: officers of different states sign in with the authorization-code flow and see what the
 * API would show them, no more. Screenshots go to {@code -Dconsole-screenshots=<dir>} (docs/console when
 * refreshing the README's pictures), else target/console-screenshots.
 */
@QuarkusTest
@TestProfile(ConsoleBrowserProfile.class)
class ConsoleBrowserTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

    @Inject
    ConsultationService consultations;

    private final List<WebDriver> browsers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    @BeforeAll
    static void browserInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("ECX_REQUIRE_BROWSER") != null) {
            throw new IllegalStateException("chromium and chromium-driver are required (apt-get install chromium "
                    + "chromium-driver; .ci/test installs them)");
        }
        Assumptions.assumeTrue(installed, "chromium/chromium-driver not installed: browser suite skipped locally");
    }

    @AfterEach
    void closeBrowsers() throws IOException {
        for (WebDriver b : browsers) {
            b.quit();
        }
        browsers.clear();
        for (Path p : profiles) {
            try (var files = Files.walk(p)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        profiles.clear();
    }

    @Test
    void aFieldWithheldFromOneStateShowsAsWithheldOnItsPageAndIsPresentForTheStateItWasReleasedTo() {
        ObjectNode denial = DenialFixtures.denial();
        DenialFixtures.release(denial, "addresses", List.of("FR"));
        ((ObjectNode) denial.get("parties").get(0)).put("country", "KZ"); // the list below filters on it
        String address = denial.get("parties").get(0).get("address").asText();
        String id = post("de-denial-officer", "/api/v1/denials", denial);

        WebDriver fr = signIn("fr-licensing-officer");
        fr.get(url("/console/denials/view?id=" + id));
        WebElement frAddress = fr.findElement(By.cssSelector("#parties .field-address"));
        assertThat(frAddress.getText()).isEqualTo(address);
        assertThat(fr.findElement(By.id("field-rationale")).findElements(By.cssSelector("[data-withheld]")))
                .hasSize(1);

        WebDriver jp = signIn("jp-licensing-officer");
        jp.get(url("/console/denials/view?id=" + id));
        WebElement jpAddress = jp.findElement(By.cssSelector("#parties .field-address"));
        assertThat(jpAddress.findElements(By.cssSelector("[data-withheld]"))).hasSize(1);
        assertThat(jpAddress.getText()).isEqualTo("withheld").doesNotContain(address);
        assertThat(jp.getPageSource()).doesNotContain(address);
        List<String> redactions = given().auth().oauth2(token("jp-licensing-officer")).get(url("/api/v1/denials/" + id))
                .then().statusCode(200).extract().jsonPath().getList("redactions");
        assertThat(jp.findElements(By.cssSelector("[data-withheld]"))).hasSize(redactions.size());
        shot(jp, "denial-withheld", jp.findElement(By.id("denial")));

        jp.get(url("/console/denials?status=ACTIVE&partyCountry=KZ"));
        assertThat(jp.findElement(By.id("denial-list")).getText())
                .contains(denial.get("nationalReference").asText());
        shot(jp, "denials");
    }

    @Test
    void aLicensingOfficerScreensAPartyOpensTheConsultationAndTheNotifyingStateAnswersIt() {
        String name = "Kelvarro " + letters(7) + " Instruments";
        ObjectNode denial = DenialFixtures.denial();
        ((ObjectNode) denial.get("parties").get(0)).put("name", name).remove("aliases");
        post("de-denial-officer", "/api/v1/denials", denial);

        WebDriver fr = signIn("fr-licensing-officer");
        fr.get(url("/console/screening"));
        fr.findElement(By.id("name-1")).sendKeys(name);
        fr.findElement(By.id("country-1")).sendKeys("AE");
        fr.findElement(By.id("controlEntries")).sendKeys("3A001.a.1");
        fr.findElement(By.id("screen")).click();
        WebElement match = wait(fr).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".match")));
        assertThat(match.findElement(By.cssSelector("[data-flag=consultationRequired]")).getText()).isEqualTo("Yes");
        assertThat(match.findElement(By.cssSelector("[data-flag=essentiallyIdentical]")).getText()).isEqualTo("Yes");
        assertThat(match.findElement(By.cssSelector(".matched-on")).getText()).contains(name);
        shot(fr, "screening", match);

        match.findElement(By.cssSelector("button.open")).click();
        wait(fr).until(ExpectedConditions.urlMatches("/console/consultations/view\\?id=[0-9a-f-]{36}$"));
        String consultation = fr.getCurrentUrl();
        String consultationId = consultation.substring(consultation.indexOf("id=") + 3);
        assertThat(fr.findElement(By.id("consultation-state")).getText()).startsWith("AWAITING_REPLY");

        WebDriver de = signIn("de-denial-officer");
        de.get(url("/console/consultations"));
        assertThat(de.findElement(By.id("consultations")).getText()).contains("We are consulted");
        shot(de, "consultations");
        de.get(consultation);
        // a form posted without the console's CSRF token is refused and changes nothing
        given().cookies(cookiesOf(de)).redirects().follow(false).formParam("position", "OBJECTS")
                .post(url("/console/consultations/" + consultationId + "/reply")).then().statusCode(400);
        de.navigate().refresh();
        assertThat(de.findElement(By.id("consultation-state")).getText()).startsWith("AWAITING_REPLY");

        new org.openqa.selenium.support.ui.Select(de.findElement(By.id("position"))).selectByValue("NO_OBJECTION");
        de.findElement(By.id("comment")).sendKeys("No objection from the notifying state.");
        de.findElement(By.id("send-reply")).click();
        wait(de).until(ExpectedConditions.textToBePresentInElementLocated(By.id("consultation-state"), "ANSWERED"));
        shot(de, "consultation");

        fr.navigate().refresh();
        assertThat(fr.findElement(By.id("consultation-position")).getText()).startsWith("NO_OBJECTION");
    }

    @Test
    void anEditionImportWithABadEntryShowsTheEntryAndItsLineAndStoresNothing() throws IOException {
        String edition = "BROWSER-" + letters(6).toUpperCase(Locale.ROOT);
        WebDriver de = signIn("de-list-editor");
        submitImport(de, edition, "code,regime,title\n3A001,WA,Electronic items\nnot a code!,WA,Broken entry\n");

        WebElement errors = wait(de).until(ExpectedConditions.presenceOfElementLocated(By.id("import-errors")));
        assertThat(de.getCurrentUrl()).contains("/console/control-lists/import?job=");
        assertThat(errors.getText()).contains("entries[1]").contains("line 3");
        shot(de, "control-lists", errors);
        de.get(url("/console/control-lists"));
        assertThat(de.findElement(By.id("list-SAMPLE-DU")).getText()).doesNotContain(edition);
    }

    @Test
    void theNotifyingStatesOfficerRenewsWithThePagesVersionAndAStalePageChangesNothing() {
        String id = post("de-denial-officer", "/api/v1/denials", DenialFixtures.denial());
        WebDriver fr = signIn("fr-denial-officer");
        fr.get(url("/console/denials/view?id=" + id));
        assertThat(fr.findElements(By.id("renew-form"))).isEmpty();

        WebDriver de = signIn("de-denial-officer");
        de.get(url("/console/denials/view?id=" + id));
        String csrf = de.findElement(By.cssSelector("#renew-form input[name=csrf-token]")).getAttribute("value");
        // a page that is out of date (another version) is refused with 412 and changes nothing
        given().cookies(cookiesOf(de)).redirects().follow(false).formParam("csrf-token", csrf)
                .formParam("version", "7").post(url("/console/denials/" + id + "/renewal")).then().statusCode(412);
        given().auth().oauth2(token("de-denial-officer")).get(url("/api/v1/denials/" + id)).then()
                .body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));

        de.findElement(By.id("renew")).click();
        wait(de).until(ExpectedConditions.textToBePresentInElementLocated(By.id("denial"), "RENEWED"));
        given().auth().oauth2(token("de-denial-officer")).get(url("/api/v1/denials/" + id)).then()
                .body("status", org.hamcrest.Matchers.equalTo("RENEWED")).body("version", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void anAuditorPagesThroughItsStatesTrailAndVerifiesTheChainWhereAnOfficerCannot() {
        post("de-denial-officer", "/api/v1/denials", DenialFixtures.denial());
        WebDriver auditor = signIn("de-auditor");
        auditor.get(url("/console/audit"));
        assertThat(auditor.findElements(By.id("audit-events"))).hasSize(1);
        auditor.findElement(By.id("verify")).click();
        wait(auditor).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chain"), "intact"));
        shot(auditor, "audit");

        WebDriver officer = signIn("de-licensing-officer");
        assertThat(officer.findElements(By.cssSelector("a[href='/console/audit']"))).isEmpty();
        officer.get(url("/console/recognitions?recognizingState=DE&recognizedState=IN&controlEntry=3A001.a.1"
                + "&licenceType=INDIVIDUAL&destination=AE"));
        assertThat(officer.findElement(By.id("check-result")).getText()).isEqualTo("Not recognized today.");
        officer.get(url("/console/recognitions?recognizingState=DE&recognizedState=IN&controlEntry=not-a-code"
                + "&licenceType=INDIVIDUAL&destination=AE"));
        assertThat(officer.findElement(By.id("problem")).getText()).contains("controlEntry");
        officer.get(url("/console/audit"));
        assertThat(officer.findElement(By.id("problem")).getText()).contains("403");
        assertThat(officer.findElements(By.id("audit-events"))).isEmpty();
    }

    @Test
    void thePublicStatisticsNeedNoSignInAndEveryConsolePageCarriesAStrictPolicy() {
        given().redirects().follow(false).get(url("/console/statistics")).then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("id=\"chart-year\""));
        // the rest of the console signs in at Keycloak with the authorization-code flow and PKCE
        given().redirects().follow(false).get(url("/console/denials")).then().statusCode(302)
                .header("Location", startsWith("http://localhost:"))
                .header("Location", containsString("client_id=ecx-console"))
                .header("Location", containsString("code_challenge_method=S256"));

        WebDriver anonymous = browser();
        anonymous.get(url("/console/statistics"));
        assertThat(anonymous.findElements(By.cssSelector("section.chart"))).hasSize(4);
        anonymous.get(url("/console/lang/fr?back=/console/statistics"));
        assertThat(anonymous.findElement(By.tagName("h1")).getText()).isEqualTo("Statistiques publiques");
        shot(anonymous, "statistics");
    }

    @Test
    void aDenialOrConsultationTheStateMayNotSeeGetsExactlyThePageOfAMissingOne() {
        ObjectNode denial = DenialFixtures.withScope(DenialFixtures.denial(), "STATES", null, List.of("FR"));
        String reference = denial.get("nationalReference").asText();
        String id = post("de-denial-officer", "/api/v1/denials", denial);
        ObjectNode open = DenialFixtures.JSON.createObjectNode().put("denialId", id)
                .put("question", "Do you object?");
        open.putObject("proposedTransaction").put("description", "Twelve test units").put("destinationCountry", "AE");
        String consultation = post("fr-licensing-officer", "/api/v1/consultations", open);
        String missing = java.util.UUID.randomUUID().toString();

        WebDriver jp = signIn("jp-licensing-officer");
        for (String page : List.of("/console/denials/view?id=", "/console/consultations/view?id=")) {
            String hidden = page + (page.contains("denials") ? id : consultation);
            int hiddenStatus = given().cookies(cookiesOf(jp)).redirects().follow(false).get(url(hidden)).statusCode();
            int missingStatus = given().cookies(cookiesOf(jp)).redirects().follow(false).get(url(page + missing))
                    .statusCode();
            assertThat(hiddenStatus).isEqualTo(missingStatus).isEqualTo(404);

            jp.get(url(page + missing));
            String missingTitle = jp.getTitle();
            String missingText = jp.findElement(By.id("main")).getText();
            jp.get(url(hidden));
            assertThat(jp.getTitle()).isEqualTo(missingTitle);
            assertThat(jp.findElement(By.id("main")).getText()).isEqualTo(missingText).contains("404");
            assertThat(jp.getPageSource()).doesNotContain(reference).doesNotContain("Romashka")
                    .doesNotContain("Twelve test units").doesNotContain(id);
        }
    }

    @Test
    void aDenialOfficerPostsADenialAndAmendsItWhileAStaleFormStoresNothingAndSaysWhy() {
        WebDriver de = signIn("de-denial-officer");
        de.get(url("/console/denials"));
        de.findElement(By.id("post-denial")).click();
        String reference = "CONSOLE-" + letters(8).toUpperCase(Locale.ROOT);
        de.findElement(By.id("nationalReference")).sendKeys(reference);
        ((JavascriptExecutor) de).executeScript("arguments[0].value = '2026-11-20'", de.findElement(By.id("decisionDate")));
        de.findElement(By.id("destinationCountry")).sendKeys("AE");
        de.findElement(By.id("reasons")).sendKeys("WMD, 7");
        de.findElement(By.id("partyName")).sendKeys("Console Test Trading " + letters(5));
        de.findElement(By.id("partyCountry")).sendKeys("AE");
        de.findElement(By.id("partyAddress")).sendKeys("4 Quay Street");
        de.findElement(By.id("controlEntry")).sendKeys("3A001.a.1");
        de.findElement(By.id("quantity")).sendKeys("20 units");
        de.findElement(By.id("endUse")).sendKeys("Ground station");
        shot(de, "denial-form", de.findElement(By.id("denial-form")));
        de.findElement(By.id("save-denial")).click();
        wait(de).until(ExpectedConditions.urlMatches("/console/denials/view\\?id=[0-9a-f-]{36}$"));
        String id = de.getCurrentUrl().substring(de.getCurrentUrl().indexOf("id=") + 3);
        assertThat(de.findElement(By.id("denial")).getText()).contains("ACTIVE").contains("Ground station");
        given().auth().oauth2(token("de-denial-officer")).get(url("/api/v1/denials/" + id)).then().statusCode(200)
                .body("nationalReference", org.hamcrest.Matchers.equalTo(reference))
                .body("reasons", org.hamcrest.Matchers.contains("WMD", "7"))
                .body("parties[0].address", org.hamcrest.Matchers.equalTo("4 Quay Street"))
                .body("releasability.addresses", org.hamcrest.Matchers.equalTo("ORIGINATOR"));

        // the form shows version 1; meanwhile version 2 is written through the API
        de.findElement(By.id("amend-denial")).click();
        WebElement endUse = wait(de).until(ExpectedConditions.presenceOfElementLocated(By.id("endUse")));
        var current = given().auth().oauth2(token("de-denial-officer")).get(url("/api/v1/denials/" + id));
        ObjectNode body = (ObjectNode) DenialFixtures.JSON.valueToTree(current.jsonPath().getMap(""));
        for (String server : List.of("id", "notifyingState", "notifiedAt", "reviewDueAt", "status", "version",
                "updatedAt", "redactions", "undercutNotices")) {
            body.remove(server);
        }
        body.put("endUse", "Amended through the API");
        given().auth().oauth2(token("de-denial-officer")).header("If-Match", current.header("ETag"))
                .contentType("application/json").body(body.toString()).put(url("/api/v1/denials/" + id)).then()
                .statusCode(200);
        endUse.clear();
        endUse.sendKeys("Amended in a stale form");
        de.findElement(By.id("save-denial")).click();
        WebElement conflict = wait(de).until(ExpectedConditions.presenceOfElementLocated(By.id("conflict")));
        assertThat(conflict.getText()).contains("Nothing was saved");
        assertThat(de.findElement(By.id("endUse")).getAttribute("value")).isEqualTo("Amended in a stale form");
        shot(de, "denial-conflict", conflict);
        given().auth().oauth2(token("de-denial-officer")).get(url("/api/v1/denials/" + id)).then()
                .body("version", org.hamcrest.Matchers.equalTo(2))
                .body("endUse", org.hamcrest.Matchers.equalTo("Amended through the API"));

        de.findElement(By.id("reload-current")).click();
        endUse = wait(de).until(ExpectedConditions.presenceOfElementLocated(By.id("endUse")));
        assertThat(endUse.getText()).isEqualTo("Amended through the API");
        endUse.clear();
        endUse.sendKeys("Amended in the console");
        de.findElement(By.id("save-denial")).click();
        wait(de).until(ExpectedConditions.textToBePresentInElementLocated(By.id("denial"), "Amended in the console"));
        given().auth().oauth2(token("de-denial-officer")).get(url("/api/v1/denials/" + id)).then()
                .body("version", org.hamcrest.Matchers.equalTo(3))
                .body("parties[0].identifiers", org.hamcrest.Matchers.nullValue())
                .body("parties[0].address", org.hamcrest.Matchers.equalTo("4 Quay Street"));
        assertThat(de.findElement(By.id("history")).getText()).contains("AMENDED");

        WebDriver fr = signIn("fr-denial-officer");
        fr.get(url("/console/denials/view?id=" + id));
        assertThat(fr.findElements(By.id("amend-denial"))).isEmpty();
        fr.get(url("/console/denials/edit?id=" + id));
        assertThat(fr.findElement(By.id("problem")).getText()).contains("403");
    }

    @Test
    void theConsultedStateExtendsItsDeadlineThenSilenceIsMarkedOverdueAndDeemedAndTheConsultingStateDecides() {
        String denial = post("de-denial-officer", "/api/v1/denials", DenialFixtures.denial());
        ObjectNode open = DenialFixtures.JSON.createObjectNode().put("denialId", denial)
                .put("question", "Do you object?");
        open.putObject("proposedTransaction").put("description", "Ten test units").put("destinationCountry", "AE");
        String id = post("fr-licensing-officer", "/api/v1/consultations", open);
        int days = given().auth().oauth2(token("de-denial-officer")).get(url("/api/v1/consultations/" + id)).then()
                .extract().path("replyWorkingDays");

        WebDriver de = signIn("de-denial-officer");
        de.get(url("/console/consultations/view?id=" + id));
        WebElement extension = de.findElement(By.id("extension-form"));
        WebElement workingDays = extension.findElement(By.id("workingDays"));
        workingDays.clear();
        workingDays.sendKeys("3");
        extension.findElement(By.cssSelector("button[type=submit]")).click();
        wait(de).until(ExpectedConditions.textToBePresentInElementLocated(By.id("consultation"),
                "(" + (days + 3) + " working days)"));
        String due = given().auth().oauth2(token("de-denial-officer")).get(url("/api/v1/consultations/" + id)).then()
                .body("replyWorkingDays", org.hamcrest.Matchers.equalTo(days + 3)).extract().path("replyDueAt");

        try {
            // just past the extended deadline: only consultations already due are deemed below
            clock.set(java.time.Instant.parse(due).plusSeconds(60));
            WebElement row = inboxRow(de, id);
            assertThat(row.getAttribute("class")).contains("overdue");
            assertThat(row.getText()).contains("overdue");
            de.get(url("/console/consultations/view?id=" + id));
            assertThat(de.findElements(By.id("reply-form"))).isEmpty();
            assertThat(de.findElements(By.id("extension-form"))).isEmpty();

            consultations.deemOverdue(1000);
            WebDriver fr = signIn("fr-licensing-officer");
            fr.get(url("/console/consultations/view?id=" + id));
            assertThat(fr.findElement(By.id("consultation-state")).getText())
                    .startsWith("DEEMED_NO_OBJECTION").contains("deemed: no objection");
            new org.openqa.selenium.support.ui.Select(fr.findElement(By.id("decision")))
                    .selectByValue("LICENCE_GRANTED");
            fr.findElement(By.id("record-outcome")).click();
            wait(fr).until(ExpectedConditions.textToBePresentInElementLocated(By.id("consultation-outcome"),
                    "LICENCE_GRANTED"));
            assertThat(fr.findElement(By.id("consultation-state")).getText()).startsWith("CLOSED");
            assertThat(fr.findElements(By.id("outcome-form"))).isEmpty();
        } finally {
            clock.reset();
        }
    }

    @Test
    void aListEditorWatchsAnImportEndThenBrowsesSearchesAndComparesTwoEditions() throws IOException {
        String older = "BROWSE-" + letters(6).toUpperCase(Locale.ROOT);
        String newer = older + "-2";
        WebDriver de = signIn("de-list-editor");
        importThroughConsole(de, older, "code,regime,title\n3A001,WA,Electronic items\n"
                + "3A001.a,WA,Radiation-hardened circuits\n3A002,WA,Recording equipment\n");
        importThroughConsole(de, newer, "code,regime,title\n3A001,WA,Electronic items and assemblies\n"
                + "3A001.a,WA,Radiation-hardened circuits\n3A001.a.1,WA,Rated for total dose\n");

        de.get(url("/console/control-lists/edition?list=SAMPLE-DU&edition=" + newer + "&prefix=3A001.a"));
        assertThat(de.findElements(By.cssSelector("#entries li")).stream().map(e -> e.getAttribute("data-code"))
                .toList()).containsExactly("3A001.a", "3A001.a.1");
        assertThat(de.findElement(By.cssSelector("#entries li[data-code='3A001.a.1']")).getAttribute("class"))
                .isEqualTo("depth-2");
        assertThat(de.findElement(By.id("hierarchy-path")).getText()).contains("3A001");
        de.findElement(By.cssSelector("#hierarchy-path a[href$='prefix=3A001']")).click();
        wait(de).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#entries li"), 3));
        de.findElement(By.id("q")).sendKeys("dose");
        de.findElement(By.id("search")).click();
        wait(de).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#entries li"), 1));
        assertThat(de.findElement(By.id("entries")).getText()).contains("3A001.a.1").contains("Rated for total dose");
        shot(de, "edition");

        de.get(url("/console/control-lists"));
        WebElement diffForm = de.findElement(By.id("diff-SAMPLE-DU"));
        new org.openqa.selenium.support.ui.Select(diffForm.findElement(By.name("from"))).selectByValue(older);
        new org.openqa.selenium.support.ui.Select(diffForm.findElement(By.name("to"))).selectByValue(newer);
        diffForm.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement diff = wait(de).until(ExpectedConditions.presenceOfElementLocated(By.id("diff")));
        assertThat(diff.findElement(By.cssSelector("tr.added[data-code='3A001.a.1']")).getText())
                .contains("Rated for total dose");
        assertThat(diff.findElement(By.cssSelector("tr.removed[data-code='3A002']")).getText())
                .contains("Recording equipment");
        WebElement changed = diff.findElement(By.cssSelector("tr.changed[data-code='3A001']"));
        assertThat(changed.findElements(By.tagName("td")).get(0).getText()).isEqualTo("Electronic items");
        assertThat(changed.findElements(By.tagName("td")).get(1).getText())
                .isEqualTo("Electronic items and assemblies");
        assertThat(diff.findElements(By.cssSelector("tr.changed"))).hasSize(1);
        shot(de, "diff");
    }

    @Test
    void aLicensingOfficerChecksAnActiveRecognitionAndGetsItsBasis() {
        ObjectNode recognition = DenialFixtures.JSON.createObjectNode().put("recognizedState", "US")
                .put("instrument", "Arrangement " + DenialFixtures.uniqueReference())
                .put("effectiveFrom", java.time.LocalDate.now().minusDays(1).toString())
                .put("effectiveTo", java.time.LocalDate.now().plusDays(30).toString());
        ObjectNode scope = recognition.putObject("scope");
        scope.putArray("controlEntries").add("3A001");
        scope.putArray("licenceTypes").add("INDIVIDUAL");
        recognition.putObject("distribution").put("scope", "ALL_PARTNERS");
        String id = post("de-recognition-officer", "/api/v1/recognitions", recognition);
        given().auth().oauth2(token("de-recognition-officer")).contentType("application/json")
                .body("{\"status\":\"ACTIVE\"}").post(url("/api/v1/recognitions/" + id + "/status")).then()
                .statusCode(200);

        WebDriver officer = signIn("de-licensing-officer");
        officer.get(url("/console/recognitions"));
        officer.findElement(By.id("recognizingState")).sendKeys("DE");
        officer.findElement(By.id("recognizedState")).sendKeys("US");
        officer.findElement(By.id("checkEntry")).sendKeys("3A001.a.1");
        officer.findElement(By.id("destination")).sendKeys("AE");
        officer.findElement(By.cssSelector("#check-form button[type=submit]")).click();
        WebElement answer = wait(officer).until(ExpectedConditions.presenceOfElementLocated(By.id("check-result")));
        assertThat(answer.getText()).startsWith("Recognized today");
        shot(officer, "recognitions");

        officer.findElement(By.id("checkEntry")).clear();
        officer.findElement(By.id("checkEntry")).sendKeys("5A002");
        officer.findElement(By.cssSelector("#check-form button[type=submit]")).click();
        wait(officer).until(ExpectedConditions.textToBe(By.id("check-result"), "Not recognized today."));
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The consultation's row in the inbox, following its pages (other tests may have filled the first). */
    private WebElement inboxRow(WebDriver driver, String id) {
        driver.get(url("/console/consultations"));
        while (true) {
            List<WebElement> rows = driver.findElements(By.cssSelector("tr[data-id='" + id + "']"));
            if (!rows.isEmpty()) {
                return rows.get(0);
            }
            driver.findElement(By.cssSelector("a[rel=next]")).click();
        }
    }

    /** Imports an edition of SAMPLE-DU through the console's form and waits for the progress page to end. */
    private void importThroughConsole(WebDriver driver, String edition, String csvText) throws IOException {
        submitImport(driver, edition, csvText);
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
    }

    /** Submits the console's import form of SAMPLE-DU and waits for the import's progress page. */
    private void submitImport(WebDriver driver, String edition, String csvText) throws IOException {
        Path csv = Files.createTempFile("edition", ".csv");
        try {
            Files.writeString(csv, csvText, StandardCharsets.UTF_8);
            driver.get(url("/console/control-lists"));
            WebElement form = driver.findElement(By.id("import-SAMPLE-DU"));
            form.findElement(By.name("edition")).sendKeys(edition);
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2026-12-01'",
                    form.findElement(By.name("effectiveDate")));
            form.findElement(By.name("file")).sendKeys(csv.toAbsolutePath().toString());
            form.findElement(By.cssSelector("button[type=submit]")).click();
            wait(driver).until(ExpectedConditions.urlContains("/console/control-lists/import?job="));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private WebDriver browser() {
        try {
            Path profile = Files.createTempDirectory("ecx-chromium-");
            profiles.add(profile);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1100,900", "--lang=en-GB",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(WAIT);
            browsers.add(driver);
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh browser signed in as a demo user through the Keycloak login page (password = user name). */
    private WebDriver signIn(String user) {
        WebDriver driver = browser();
        driver.get(url("/console"));
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("kc-login")).click();
        WebElement who = wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
        assertThat(who.getText()).contains(user);
        return driver;
    }

    /**
     * A wait that retries through the browser's transient errors while a page is replaced (a form's redirect can
     * swap the document between locating an element and reading it: "Node ... does not belong to the document");
     * the condition itself must still hold before {@code WAIT}.
     */
    private static WebDriverWait wait(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private static java.util.Map<String, String> cookiesOf(WebDriver driver) {
        java.util.Map<String, String> cookies = new java.util.HashMap<>();
        for (Cookie c : driver.manage().getCookies()) {
            cookies.put(c.getName(), c.getValue());
        }
        return cookies;
    }

    /** Creates a record through the API with a real password-grant token; returns its id. */
    private String post(String user, String path, ObjectNode body) {
        return given().auth().oauth2(token(user)).contentType("application/json").body(body.toString())
                .post(url(path)).then().statusCode(201).extract().path("id");
    }

    private static String token(String user) {
        String realm = "http://localhost:" + System.getenv().getOrDefault("ECX_KC_PORT", "8180") + "/realms/ecx";
        return given().formParam("grant_type", "password").formParam("client_id", "ecx-cli")
                .formParam("username", user).formParam("password", user)
                .post(realm + "/protocol/openid-connect/token").then().statusCode(200).extract()
                .path("access_token");
    }

    private static String letters(int n) {
        Random random = new Random();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static void shot(WebDriver driver, String name, WebElement top) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true)", top);
        shot(driver, name);
    }

    private static void shot(WebDriver driver, String name) {
        try {
            Path dir = Paths.get(System.getProperty("console-screenshots", "target/console-screenshots"));
            Files.createDirectories(dir);
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
