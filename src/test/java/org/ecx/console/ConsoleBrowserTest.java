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
import org.ecx.support.ConsoleBrowserProfile;
import org.ecx.support.DenialFixtures;
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
        Path csv = Files.createTempFile("edition", ".csv");
        Files.writeString(csv, "code,regime,title\n3A001,WA,Electronic items\nnot a code!,WA,Broken entry\n",
                StandardCharsets.UTF_8);
        String edition = "BROWSER-" + letters(6).toUpperCase(Locale.ROOT);

        WebDriver de = signIn("de-list-editor");
        de.get(url("/console/control-lists"));
        WebElement form = de.findElement(By.id("import-SAMPLE-DU"));
        form.findElement(By.name("edition")).sendKeys(edition);
        ((JavascriptExecutor) de).executeScript("arguments[0].value = '2026-12-01'",
                form.findElement(By.name("effectiveDate")));
        form.findElement(By.name("file")).sendKeys(csv.toAbsolutePath().toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement errors = wait(de).until(ExpectedConditions.presenceOfElementLocated(By.id("import-errors")));
        assertThat(errors.getText()).contains("entries[1]").contains("line 3");
        assertThat(de.findElement(By.id("list-SAMPLE-DU")).getText()).doesNotContain(edition);
        shot(de, "control-lists", errors);
        Files.deleteIfExists(csv);
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

    // ------------------------------------------------------------------------------------------ helpers

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

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, WAIT);
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
