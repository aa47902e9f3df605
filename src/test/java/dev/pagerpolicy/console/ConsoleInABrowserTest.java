package dev.pagerpolicy.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pagerpolicy.api.security.BearerKeyAuthentication;
import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.testing.Poll;
import dev.pagerpolicy.testing.ServiceLane;
import dev.pagerpolicy.testing.TempPackProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real Chromium, driven by WebDriver with JavaScript switched off: what a person sees (text, links,
 * a cell's alerts), signed in with the service's decide key. With {@code -Dconsole.screenshots=true} the pages it
 * opens are also saved as screenshots in {@code target/console-screenshots/}, from which docs/console/ is taken
 * (the decision page also on a phone's screen and in dark mode): each costs Chromium a repaint and an encoding, which
 * the tests themselves do not need.
 */
@ServiceLane
@QuarkusTest
@TestProfile(TempPackProfile.class)
class ConsoleInABrowserTest {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /**
     * Chromium's headless shell (Debian's chromium-headless-shell): the same engine, without the browser around it,
     * for about a third of the CPU per page (a page load 0.08 s against 0.2–0.27 s, a start 1.2 s against 3.5 s).
     * Preferred when it is installed; Chromium itself, headless, otherwise. The binary, not Debian's wrapper script in
     * /usr/bin, which does not {@code exec} it: the shell started through the script outlives the driver's quit.
     */
    private static final Path HEADLESS_SHELL = Path.of("/usr/lib/chromium/chromium-headless-shell");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final boolean TAKING_SCREENSHOTS = Boolean.getBoolean("console.screenshots");
    private static WebDriver browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void aHeadlessChromiumWithoutJavaScript() throws Exception {
        boolean shell = Files.isExecutable(HEADLESS_SHELL);
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && (shell || Files.isExecutable(CHROMIUM)),
                "Chromium and its driver are not installed (Debian packages chromium-headless-shell or chromium, and"
                        + " chromium-driver; .ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary((shell ? HEADLESS_SHELL : CHROMIUM).toFile());
        if (!shell) {
            options.addArguments("--headless=new");
        }
        // As root Chromium needs --no-sandbox; the pages must read without JavaScript, so it is off. Without a GPU,
        // --disable-gpu spares it emulating one in software: about 15 % less CPU for this class, the same pages.
        options.addArguments("--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--disable-gpu");
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /**
     * The tests after this one, in this class or another on the same app, start on the shipped rules: each test of the
     * service that changes the pack puts it back.
     */
    @AfterEach
    void leaveTheShippedPackActive() {
        TempPackProfile.activateTheShippedPack();
    }

    /**
     * Signed in with the decide key, whatever the test before left: through the sign-in form when the browser holds no
     * key, and otherwise by the key it holds, without loading a page (each load costs Chromium about a third of a
     * second of CPU).
     */
    @BeforeEach
    void signedIn() {
        Cookie held = browser.manage().getCookieNamed(BearerKeyAuthentication.CONSOLE_COOKIE);
        if (held == null) {
            signInThroughTheForm(TempPackProfile.DECIDE_KEY);
        } else if (!held.getValue().equals(TempPackProfile.DECIDE_KEY)) {
            holdKey(TempPackProfile.DECIDE_KEY);
        }
    }

    /** Fills in the try-an-alert form as a person would, and submits it. */
    private void tryAlert(String kind, String severity, String service, String model, String firedAt) {
        open("/console/try");
        new Select(browser.findElement(By.name("kind"))).selectByVisibleText(kind);
        new Select(browser.findElement(By.name("severity"))).selectByVisibleText(severity);
        new Select(browser.findElement(By.name("service"))).selectByVisibleText(service);
        new Select(browser.findElement(By.name("model"))).selectByVisibleText(model);
        browser.findElement(By.name("firedAt")).sendKeys(firedAt);
        follow(browser.findElement(By.cssSelector("form button")));
    }

    private void signInThroughTheForm(String key) {
        browser.manage().deleteAllCookies();
        open("/console/sign-in");
        browser.findElement(By.name("key")).sendKeys(key);
        follow(browser.findElement(By.cssSelector("form button")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Why was I paged?");
    }

    /**
     * The browser holds {@code key} as the sign-in form would have left it, without going through the form again
     * (which {@link #signedIn} does once).
     */
    private static void holdKey(String key) {
        browser.manage().addCookie(new Cookie.Builder(BearerKeyAuthentication.CONSOLE_COOKIE, key)
                .path(BearerKeyAuthentication.CONSOLE_PATH).isHttpOnly(true).sameSite("Strict").build());
    }

    /**
     * Waits until the page the browser shows has an element with this id, which work in the background adds: the
     * page refreshes itself every second until then. Asked of the service over HTTP, with the browser's key, rather
     * than of the browser every 50 ms (each question costs Chromium tens of milliseconds of CPU); then the page is
     * loaded once more, showing what its next refresh would.
     */
    private static void awaitBackgroundWork(String id) {
        String shown = browser.getPageSource(); // one document: the page may refresh itself between two questions
        String element = "id=\"" + id + "\"";
        if (shown.contains(element)) {
            return;
        }
        assertThat(shown).as("refreshes itself meanwhile").contains("http-equiv=\"refresh\"");
        String page = browser.getCurrentUrl();
        String key = browser.manage().getCookieNamed(BearerKeyAuthentication.CONSOLE_COOKIE).getValue();
        Poll.until("#" + id + " on " + page, () -> RestAssured.given().cookie(BearerKeyAuthentication.CONSOLE_COOKIE,
                key).get(page).asString().contains(element));
        browser.get(page);
    }

    /**
     * Clicks a button or link and waits until the page it leads to has replaced this one, however long a busy machine
     * takes: a click returns as the browser starts to navigate, not when it is done.
     */
    private static void follow(WebElement buttonOrLink) {
        buttonOrLink.click();
        waiting().until(page -> leftBehind(buttonOrLink));
    }

    /**
     * A wait that asks as often as the tests' other waits do: WebDriver's own asks every half second, most of which
     * each click of this class would wait out.
     */
    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Poll.DEADLINE, Poll.INTERVAL);
    }

    /**
     * Whether the page the element was on has been replaced. Chrome says so as a stale element, or, when asked while
     * the next page replaces the document, as "does not belong to the document".
     */
    private static boolean leftBehind(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException replaced) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private void open(String path) {
        browser.get(root.toString().replaceAll("/$", "") + path);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void screenshot(String name) throws Exception {
        if (TAKING_SCREENSHOTS) {
            File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void darkMode(boolean dark) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /** The ids of the decisions the service has recorded, newest first. */
    private static List<String> recentDecisionIds() {
        return TempPackProfile.asDecider().get("/v1/decisions?limit=1000").then().statusCode(200)
                .extract().path("decisionId");
    }

    private static String decide(String body) {
        return TempPackProfile.asDecider().contentType(ContentType.JSON)
                .body(body).post("/v1/decide").then().statusCode(200).extract().path("decisionId");
    }

    @Test
    void aWrongKeyIsRefusedOnTheSignInPage() {
        browser.manage().deleteAllCookies();
        open("/console/decisions/anything");
        assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in");
        browser.findElement(By.name("key")).sendKeys("not-a-key-of-this-service");
        follow(browser.findElement(By.cssSelector("form button")));

        assertThat(text("problem")).isEqualTo("that key is not one of this service's keys");
    }

    @Test
    void aDecisionFoundByItsIdSaysWhoHowWhenWhatFollowsAndWhy() throws Exception {
        String id = decide("""
                {"id": "checkout-down-1", "kind": "outage", "severity": "critical", "service": "checkout-api",
                 "firedAt": "2026-11-25T03:00:00Z", "labels": {"region": "eu-west-1"}}""");

        open("/console");
        browser.findElement(By.name("q")).sendKeys(id);
        follow(browser.findElement(By.cssSelector("form button")));

        assertThat(browser.getCurrentUrl()).endsWith("/console/decisions/" + id);
        assertThat(text("who")).isEqualTo("platform-sre (ops)");
        assertThat(text("how")).isEqualTo("page");
        assertThat(text("when")).isEqualTo("at once");
        assertThat(text("alert")).isEqualTo("outage/critical of checkout-api (production), fired 2026-11-25T03:00:00Z");
        assertThat(browser.findElements(By.cssSelector("#timeline li"))).extracting(WebElement::getText).containsExactly(
                "at once\nplatform-sre (ops), to acknowledge within 5 min",
                "still unacknowledged after 5 min\npayments-dev (dev)");
        assertThat(browser.findElements(By.cssSelector("#reasons tbody tr"))).extracting(WebElement::getText)
                .first().asString().startsWith("Service-health alerts page the service's on-call team route page"
                        + " platform-sre a critical outage of checkout-api is service health");
        screenshot("decision");
        if (TAKING_SCREENSHOTS) {
            browser.manage().window().setSize(new Dimension(390, 844)); // a phone, where the person paged often is
            screenshot("decision-phone");
            browser.manage().window().setSize(new Dimension(1280, 1000));
            darkMode(true); // the person paged at 3 a.m. reads in the dark
            browser.navigate().refresh();
            screenshot("decision-dark");
            darkMode(false);
        }
    }

    @Test
    void decisionsAreFoundByTheirAlertsLabelAndLinkToThemselves() {
        String id = decide("""
                {"kind": "latency", "severity": "low", "service": "churn-reports", "firedAt": "2026-11-25T15:00:00Z",
                 "labels": {"ticket": "OPS-4711"}}""");

        open("/console");
        browser.findElement(By.name("q")).sendKeys("ticket=OPS-4711");
        follow(browser.findElement(By.cssSelector("form button")));

        follow(browser.findElement(By.cssSelector("table.matches tbody a")));
        assertThat(browser.getCurrentUrl()).endsWith("/console/decisions/" + id);
        assertThat(text("alert")).isEqualTo("latency/low of churn-reports (production), fired 2026-11-25T15:00:00Z");
    }

    @Test
    void anAlertTriedInTheFormShowsTheDecisionTheActiveRulesWouldMakeWithoutRecordingIt() throws Exception {
        List<String> recordedBefore = recentDecisionIds();
        tryAlert("model_performance", "critical", "fraud-scoring", "fraud-detector", "2026-11-25T03:00:00Z");

        assertThat(text("answer")).isEqualTo("The active rules would decide");
        assertThat(text("who")).isEqualTo("fraud-ml (ml-engineer)");
        assertThat(text("how")).isEqualTo("page");
        screenshot("try-an-alert");
        // Nothing else decides on this app meanwhile (@ServiceLane): a decision recorded now would be the tried one.
        assertThat(recentDecisionIds()).isEqualTo(recordedBefore);

        browser.findElement(By.name("firedAt")).clear();
        browser.findElement(By.name("firedAt")).sendKeys("yesterday");
        follow(browser.findElement(By.cssSelector("form button")));
        assertThat(text("problems")).isEqualTo("firedAt: \"yesterday\" is not a time such as 2026-11-25T03:00:00Z");
    }

    @Test
    void aHourOfATeamsWeekListsTheAlertsThatPageItThenAndTheirRules() throws Exception {
        open("/console/teams");
        // The active rule set is explored once, in the background; the page refreshes itself until it is done.
        awaitBackgroundWork("teams");
        follow(browser.findElement(By.linkText("platform-sre")));
        screenshot("who-can-be-woken");

        // Monday 03:00 UTC, the middle of platform-sre's night.
        follow(browser.findElement(By.cssSelector("#heatmap a[href$='?hour=3#chosen']")));

        assertThat(text("chosen")).matches("Mon 03:00: \\d+ classes of alerts page platform-sre at once");
        assertThat(browser.findElements(By.cssSelector("#examples li"))).extracting(WebElement::getText)
                .contains("outage/critical of checkout-api: rules fired: Service-health alerts page the service's"
                        + " on-call team, Pages are acknowledged within the tier's time, Pages escalate to the on-call"
                        + " team, then the dev team");
        assertThat(text("moments")).contains("Thanksgiving (Thu 2026-11-26 America/New_York): ");
    }

    @Test
    void aCandidateRuleSetIsComparedWithTheActiveOneAndAnAlertTriedUnderBoth() throws Exception {
        Path candidate = Files.createTempDirectory("candidate");
        Packs.copyShipped(candidate);
        Packs.edit(candidate.resolve("policies/sla-tiers.yaml"), "    ackWithin: PT15M\n    pagesAroundTheClock: [critical]",
                "    ackWithin: PT10M\n    pagesAroundTheClock: [critical, high]");
        holdKey(TempPackProfile.ADMIN_KEY);

        open("/console/candidate");
        browser.findElement(By.name("rules")).sendKeys(candidate.resolve("rules").toString());
        browser.findElement(By.name("policies")).sendKeys(candidate.resolve("policies").toString());
        follow(browser.findElement(By.cssSelector("form button")));
        // Compiled, diffed and explored in the background; the page refreshes itself until it is done.
        awaitBackgroundWork("summary");

        assertThat(text("summary")).endsWith(": 54,288 of 1,918,000 classes of alerts decided differently");
        assertThat(text("night-pages")).contains("platform-sre +12672 −0");
        screenshot("candidate");
        follow(browser.findElement(By.linkText("platform-sre")));
        assertThat(browser.findElements(By.cssSelector("#active-map td")).get(24 * 1 + 3).getText()).as("Tue 03:00")
                .isNotEqualTo(browser.findElements(By.cssSelector("#candidate-map td")).get(24 * 1 + 3).getText());
        screenshot("candidate-side-by-side");

        tryAlert("latency", "high", "recommendations", "(none)", "2026-11-24T03:00:00Z");
        assertThat(text("when")).startsWith("waits for business hours");
        assertThat(browser.findElement(By.id("candidate-when")).getText()).isEqualTo("at once");
    }

    @Test
    void aFailedReloadShowsItsProblemsWithFileAndLine() throws Exception {
        Path rules = TempPackProfile.dir().resolve("rules");
        Packs.edit(rules.resolve("service-health.drl"), "    $draft : DecisionDraft( undecided )\nthen",
                "    $draft : DecisionDraft( undecided ) )\nthen");
        TempPackProfile.as(TempPackProfile.ADMIN_KEY).post("/v1/ruleset/reload?wait=true")
                .then().statusCode(422);

        open("/console/ruleset");

        WebElement failed = browser.findElement(By.cssSelector("#reloads tbody tr"));
        assertThat(failed.getText()).contains("failed").contains(rules.resolve("service-health.drl") + ":");
        screenshot("rule-set");
    }

    @Test
    void theRuleSetShowsWhereEachRuleIsWhetherScenariosFireItAndTheInvariantsVerdicts() throws Exception {
        open("/console/ruleset#invariants");

        assertThat(text("scenarios")).matches("\\d+ passed; rules they make fire: \\d+ of \\d+ \\(\\d+%\\)");
        WebElement rule = browser.findElements(By.cssSelector("#rules tbody tr")).stream()
                .filter(row -> row.getText().startsWith("Pages outside business hours wait for them")).findFirst()
                .orElseThrow();
        assertThat(rule.getText()).contains(TempPackProfile.dir().resolve("rules/sla-tiers.drl") + ":41")
                .endsWith("yes");
        WebElement invariant = browser.findElements(By.cssSelector("#invariants tbody tr")).stream()
                .filter(row -> row.getText().startsWith("drift never pages")).findFirst().orElseThrow();
        assertThat(invariant.getText()).contains("holds")
                .contains(TempPackProfile.dir().resolve("rules/tests/invariants.yaml") + ":");
        screenshot("rule-set-verdicts");
    }
}
