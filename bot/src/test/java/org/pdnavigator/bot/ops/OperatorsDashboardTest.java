package org.pdnavigator.bot.ops;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
import org.pdnavigator.bot.e2e.Person;
import org.pdnavigator.bot.e2e.RunningBot;
import org.pdnavigator.bot.fake.FakeBotApi;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' page end to end: the real bot on the fake Bot API, scripted conversations, then a real browser
 * (headless Chromium) that logs in and reads the figures, and plain HTTP that looks for any trace of who anyone is.
 */
@DisplayName("The operators' dashboard")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorsDashboardTest {

    private static final String USERNAME = "operator";
    private static final String PASSWORD = "a long operator passphrase";
    private static final long OPERATOR_CHAT = 777_000_111_222L;
    /** Distinctive chat ids, to look for anywhere the bot shows or counts anything. */
    private static final long ANSWERED_ERO = 918_273_645_501L;
    private static final long ANSWERED_COURT_BY_LINK = 918_273_645_502L;
    private static final long STOPPED = 918_273_645_503L;
    private static final long FORGOTTEN = 918_273_645_504L;
    private static final List<String> TYPED = List.of("Maria Gonzalez", "A123456789", "Juan Perez", "987-654-321",
        "4417 Elm Street");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static RunningBot bot;
    private static String base;
    private static String statsAnswer;
    private static String helpAnswer;
    private static String statsToSomeoneElse;

    @BeforeAll
    static void startAndTalk() {
        bot = RunningBot.start("operator.username=" + USERNAME, "operator.password=" + PASSWORD,
            "operator.chat-ids=" + OPERATOR_CHAT);
        base = "http://127.0.0.1:" + bot.port();

        // Reaches the answer: a check-in, no court case, New Jersey.
        Person ero = person(ANSWERED_ERO).says("/start").taps("Continue ➡️", "🙋 I am asking for myself",
            "🏠 ICE check-in, letter or visit, no court case", "No, this is the first request", "No")
            .findsAndTaps("New Jersey");
        assertThat(ero.sees()).contains("ICE field office (ERO): Newark");

        // Comes by an organizer's link, types a name and an A-number on the way, reaches the answer.
        Person court = person(ANSWERED_COURT_BY_LINK).says("/start en-casa_latina").taps("Continue ➡️")
            .says("My name is " + TYPED.get(0) + " and my A-number is " + TYPED.get(1))
            .taps("🙋 I am asking for myself", "⚖️ Case in immigration court", "No, this is the first request")
            .findsAndTaps("Illinois").taps("Chicago");
        assertThat(court.sees()).contains("ICE lawyers (OPLA): Chicago");

        // Stops at "who is asking", after typing a name, a phone number and an address.
        person(STOPPED).says("/start").taps("Continue ➡️").says(TYPED.get(2) + " " + TYPED.get(3))
            .says(TYPED.get(4));

        // Starts, then erases everything.
        person(FORGOTTEN).says("/start").taps("Continue ➡️").says("/forget");

        // The operator asks for today's numbers; someone else asking gets the usual help.
        statsAnswer = person(OPERATOR_CHAT).says("/stats").lastMessage();
        Person someone = person(ANSWERED_ERO);
        helpAnswer = someone.says("/help").lastMessage();
        statsToSomeoneElse = someone.says("/stats").lastMessage();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    private static Person person(long chatId) {
        return new Person(bot.api().user(chatId, "en"));
    }

    @Test
    @Order(1)
    void operatorsGetTodaysNumbersWithStatsAndEveryoneElseGetsHelp() {
        assertThat(statsAnswer).contains("Today so far").contains("Conversations started: 3")
            .contains("Reached an answer: 2").contains("Erased with /forget: 1");
        assertThat(statsToSomeoneElse).isEqualTo(helpAnswer).doesNotContain("Conversations started");
    }

    @Test
    @Order(2)
    void withoutLoginThePageSendsToTheLoginPageAndTheDataAndMetricsAreRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = get(http, "/ops", Map.of("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/ops/login");
        assertThat(get(http, "/ops/api/summary?range=today", Map.of()).statusCode()).isEqualTo(401);
        assertThat(get(http, "/actuator/prometheus", Map.of()).statusCode()).isEqualTo(401);
        assertThat(get(http, "/actuator/prometheus", Map.of("Authorization", basic(USERNAME, PASSWORD)))
            .statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void healthIsOpenWithLivenessAndReadinessIncludingTheDatabaseAndTelegram() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        assertThat(get(http, "/actuator/health/liveness", Map.of()).body()).contains("\"UP\"");
        HttpResponse<String> readiness = get(http, "/actuator/health/readiness", Map.of());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
        String details = get(http, "/actuator/health/readiness", Map.of("Authorization", basic(USERNAME, PASSWORD)))
            .body();
        assertThat(details).contains("\"db\"").contains("\"telegram\"").contains("\"readinessState\"");
    }

    @Test
    @Order(4)
    void prometheusCountsUpdatesAnswersStepsTelegramCallsAndErrors() throws Exception {
        String metrics = get(HttpClient.newHttpClient(), "/actuator/prometheus",
            Map.of("Authorization", basic(USERNAME, PASSWORD))).body();
        assertThat(metrics).contains("pd_updates_received_total{").contains("kind=\"tap\"")
            .contains("pd_answers_total{").contains("situation=\"COURT\"").contains("situation=\"ENFORCEMENT\"")
            .contains("pd_dialogue_step_duration_seconds_count{").contains("step=\"ROLE\"")
            .contains("pd_telegram_calls_seconds_count{").contains("method=\"sendMessage\"")
            .contains("outcome=\"ok\"")
            .contains("pd_conversations_started_total");
    }

    @Test
    @Order(5)
    void theBrowserShowsTheNumbersOfTheScriptedConversationsOnAComputerAndOnAPhone() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
            "Chromium is not installed (apt-get install chromium chromium-driver); .ci/run installs it in CI. "
                + "Skipping the browser test.");
        WebDriver browser = browser();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(base + "/ops");
            wait.until(ExpectedConditions.urlMatches(".*/ops/login$"));

            browser.findElement(By.id("username")).sendKeys(USERNAME);
            browser.findElement(By.id("password")).sendKeys("not the password");
            browser.findElement(By.id("login")).click();
            wait.until(ExpectedConditions.textToBe(By.id("message"), "Wrong username or password."));

            browser.findElement(By.id("username")).sendKeys(USERNAME);
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("login")).click();
            wait.until(ExpectedConditions.urlMatches(".*/ops(#today)?$"));
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "today"));

            assertThat(figure(browser, "started")).isEqualTo("3");
            assertThat(figure(browser, "finished")).isEqualTo("2");
            assertThat(figure(browser, "completion")).isEqualTo("67%");
            assertThat(figure(browser, "forgotten")).isEqualTo("1");
            assertThat(figure(browser, "median")).matches("\\d+ s|\\d+ min \\d+ s");
            assertThat(figure(browser, "errors")).isEqualTo("0");
            assertThat(cell(browser, "#funnel tr[data-key='WELCOME'] .reached")).isEqualTo("3");
            assertThat(cell(browser, "#funnel tr[data-key='ROLE'] .reached")).isEqualTo("3");
            assertThat(cell(browser, "#funnel tr[data-key='ANSWER'] .reached")).isEqualTo("2");
            assertThat(cell(browser, "#situations [data-key='COURT'] .count")).isEqualTo("1");
            assertThat(cell(browser, "#situations [data-key='ENFORCEMENT'] .count")).isEqualTo("1");
            assertThat(cell(browser, "#referrals tr[data-key='casa_latina'] .count")).isEqualTo("1");
            assertThat(cell(browser, "#referrals tr[data-key='none'] .count")).isEqualTo("2");
            assertThat(cell(browser, "#languages [data-key='en'] .count")).isEqualTo("3");
            assertThat(browser.findElement(By.id("offices")).getText()).contains("Newark").contains("Chicago");
            List<WebElement> recent = browser.findElements(By.cssSelector("#recent li"));
            assertThat(recent).hasSize(3);
            assertThat(browser.findElement(By.id("recent")).getText()).contains("Reached the answer")
                .contains("In progress").contains("Who is asking");

            browser.findElement(By.cssSelector("button[data-range='30d']")).click();
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "30d"));
            assertThat(figure(browser, "started")).isEqualTo("3");
            assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(secrets());
            browser.findElement(By.cssSelector("button[data-range='today']")).click();
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "today"));
            // Links and QR codes: the code from the link is listed with its count; an operator creates another.
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#codes tr[data-key='casa_latina']")));
            assertThat(cell(browser, "#codes tr[data-key='casa_latina'] .recent-count")).isEqualTo("1");
            browser.findElement(By.id("code")).sendKeys("north_side");
            browser.findElement(By.id("createCode")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#codes tr[data-key='north_side']")));
            assertThat(cell(browser, "#codeMessage")).isEqualTo("Created north_side.");
            assertThat(cell(browser, "#codes tr[data-key='north_side'] .link"))
                .isEqualTo("https://t.me/" + FakeBotApi.BOT_USERNAME + "?start=en-north_side");
            assertThat(browser.findElement(By.cssSelector("#codes tr[data-key='north_side'] .downloads a"))
                .getDomProperty("href")).endsWith("/ops/links/qr.png?lang=en&code=north_side");
            screenshot(browser, "dashboard.png");
            assertThat(browser.findElement(By.id("status")).getDomAttribute("class")).doesNotContain("bad");

            // On a phone: nothing wider than the screen.
            browser.manage().window().setSize(new Dimension(390, 844));
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "today"));
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(((Number) overflow).longValue()).isLessThanOrEqualTo(0);
            screenshot(browser, "dashboard-phone.png");

            browser.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.textToBe(By.id("message"), "You are logged out."));
            browser.get(base + "/ops");
            wait.until(ExpectedConditions.urlMatches(".*/ops/login$"));
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(6)
    void operatorsCreateCodesAndDownloadQrCodesWithTheCsrfTokenOnly() throws Exception {
        HttpClient http = loggedIn();
        String page = get(http, "/ops", Map.of()).body();
        Matcher token = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        HttpRequest.Builder create = HttpRequest.newBuilder(URI.create(base + "/ops/api/codes"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("code=library_2"));
        assertThat(http.send(create.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        HttpResponse<String> created = http.send(create.header("X-CSRF-TOKEN", token.group(1)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("library_2");
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(base + "/ops/api/codes"))
            .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-TOKEN", token.group(1))
            .POST(HttpRequest.BodyPublishers.ofString("code=" + enc("no spaces please"))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("letters");
        assertThat(get(http, "/ops/api/codes?lang=es", Map.of()).body()).contains("library_2")
            .contains("?start=es-library_2");

        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create(base
            + "/ops/links/qr.png?lang=es&code=library_2")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/png");
        assertThat(png.headers().firstValue("Content-Disposition").orElseThrow())
            .contains("pd-navigator-es-library_2.png");
        assertThat(new String(png.body(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        HttpResponse<String> svg = get(http, "/ops/links/qr.svg?lang=es", Map.of());
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.body()).contains("<svg");
        // Without the login, nothing.
        assertThat(get(HttpClient.newHttpClient(), "/ops/links/qr.png?lang=es", Map.of()).statusCode())
            .isIn(302, 401, 403);
    }

    @Test
    @Order(7)
    void noChatIdOrTypedTextAppearsInAnyPageResponseMetricOrStoredEvent() throws Exception {
        HttpClient http = loggedIn();
        List<String> everything = new ArrayList<>();
        for (String path : List.of("/ops", "/ops/login", "/ops/api/summary?range=today", "/ops/api/summary?range=7d",
            "/ops/api/summary?range=30d", "/ops/api/recent", "/ops/api/codes", "/ops/assets/ops.js", "/ops/assets/ops.css",
            "/actuator/prometheus", "/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
            HttpResponse<String> response = get(http, path, Map.of());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            everything.add(response.body());
        }
        assertThat(everything.get(5)).contains("\"tag\"");
        everything.add(statsAnswer);
        JdbcTemplate jdbc = bot.context().getBean(JdbcTemplate.class);
        for (String table : List.of("activity_event", "ops_failure")) {
            jdbc.query("select * from " + table, rs -> {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    everything.add(String.valueOf(rs.getObject(i)));
                }
            });
        }
        String all = String.join("\n", everything);
        for (String secret : secrets()) {
            assertThat(all).as("no trace of " + secret).doesNotContain(secret);
        }
        String forgottenTag = bot.context().getBean(org.pdnavigator.bot.store.Secrets.class).tag(FORGOTTEN);
        assertThat(all).doesNotContain(forgottenTag);
    }

    @Test
    @Order(8)
    void readinessGoesDownWhileTelegramCannotBeReachedAndTheFailuresAreCounted() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        bot.api().failNext("getUpdates", 4, 502, "Bad Gateway", null);
        assertThat(awaitReadiness(http, 503)).contains("\"DOWN\"");
        assertThat(awaitReadiness(http, 200)).contains("\"UP\"");
        String summary = get(loggedIn(), "/ops/api/summary?range=today", Map.of()).body();
        assertThat(summary).contains("\"telegramFailures\":4").contains("\"method\":\"getUpdates\"")
            .contains("\"outcome\":\"502\"");
    }

    private static String awaitReadiness(HttpClient http, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> readiness = get(http, "/actuator/health/readiness", Map.of());
            if (readiness.statusCode() == status) {
                return readiness.body();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Readiness never answered " + status);
    }

    @Test
    @Order(9)
    void failedLoginsAreLimited() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            statuses.add(get(http, "/actuator/prometheus", Map.of("Authorization", basic(USERNAME, "guess " + i)))
                .statusCode());
        }
        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429, 429);
        // Even the right password waits until the window passes.
        assertThat(get(http, "/actuator/prometheus", Map.of("Authorization", basic(USERNAME, PASSWORD)))
            .statusCode()).isEqualTo(429);
    }

    private static String[] secrets() {
        List<String> secrets = new ArrayList<>(TYPED);
        for (long id : List.of(ANSWERED_ERO, ANSWERED_COURT_BY_LINK, STOPPED, FORGOTTEN, OPERATOR_CHAT)) {
            secrets.add(Long.toString(id));
        }
        return secrets.toArray(String[]::new);
    }

    private static String figure(WebDriver browser, String name) {
        return cell(browser, "[data-figure='" + name + "']");
    }

    private static String cell(WebDriver browser, String css) {
        return browser.findElement(By.cssSelector(css)).getText().strip();
    }

    /** Headless Chromium as root, with a fresh profile and nothing reaching out to the network. */
    private static WebDriver browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1280,2600",
            "--user-data-dir=" + Files.createTempDirectory("pd-navigator-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * Into target/; with {@code -Ddashboard.screenshots=<dir>} (the README's command gives ../docs) also there.
     */
    private static void screenshot(WebDriver browser, String name) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        String more = System.getProperty("dashboard.screenshots");
        if (more != null && !more.isBlank()) {
            Files.createDirectories(Path.of(more));
            Files.copy(png.toPath(), Path.of(more, name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An HTTP client logged in through the login form, CSRF token and all. */
    private static HttpClient loggedIn() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = get(http, "/ops/login", Map.of()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).isTrue();
        String body = "username=" + enc(USERNAME) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(token.group(1));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/ops/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/ops");
        return http;
    }

    private static HttpResponse<String> get(HttpClient http, String path, Map<String, String> headers)
        throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
