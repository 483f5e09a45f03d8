package org.pdnavigator.bot.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pdnavigator.bot.fake.ApiCall;
import org.pdnavigator.bot.fake.FakeBotApi;
import org.pdnavigator.bot.fake.FakeUser;
import org.pdnavigator.bot.store.Databases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the bot on one PostgreSQL database, receiving updates by webhook behind a load balancer that
 * spreads each chat's updates across both, and delivers some twice to both at once (as Telegram does when it
 * retries). People walk at the same time, some tapping twice. Every conversation must end in the right place,
 * with exactly one answer per step, and the database must hold no chat id and nothing anyone typed.
 */
class TwoInstancesTest {

    private static final String PATH = "/telegram/hook";
    private static final String SECRET = "two-instances-secret";
    private static String schema;
    private static FakeBotApi api;
    private static RunningBot a;
    private static RunningBot b;
    private static final AtomicInteger deliveries = new AtomicInteger();
    private static final List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final ExecutorService retries = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void start() {
        schema = Databases.newPostgresSchema();
        api = FakeBotApi.start();
        String[] shared = {"spring.datasource.url=" + Databases.postgresUrl(schema),
            "spring.datasource.username=" + Databases.POSTGRES_USER, "bot.secret=one secret for both instances",
            "telegram.webhook-url=https://bot.example.org" + PATH, "telegram.webhook-secret=" + SECRET};
        a = RunningBot.start(api, RunningBot.temporaryDataDir(), shared);
        b = RunningBot.start(api, RunningBot.temporaryDataDir(), shared);
        api.deliverBy(TwoInstancesTest::loadBalance);
    }

    /** Round robin; every third update is also delivered to the other instance at the same time. */
    private static void loadBalance(String json) {
        int n = deliveries.incrementAndGet();
        RunningBot first = n % 2 == 0 ? a : b;
        RunningBot second = first == a ? b : a;
        if (n % 3 == 0) {
            Future<Integer> twice = retries.submit(() -> Webhook.deliver(second, PATH, SECRET, json));
            statuses.add(Webhook.deliver(first, PATH, SECRET, json));
            try {
                statuses.add(twice.get(30, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        } else {
            statuses.add(Webhook.deliver(first, PATH, SECRET, json));
        }
    }

    @AfterAll
    static void stop() {
        retries.shutdownNow();
        a.close();
        b.close();
        api.close();
        Databases.dropPostgresSchema(schema);
    }

    record Walk(List<String> taps, String state, String court, String email) {
    }

    @Test
    void everyConversationEndsInTheRightPlaceWithOneAnswerPerStep() throws Exception {
        List<Walk> walks = List.of(
            new Walk(List.of("🙋 I am asking for myself", "⚖️ Case in immigration court", "No, this is the first request"),
                "Colorado", "Denver", "ICE-OPLA-DEN-PD@ice.dhs.gov"),
            new Walk(List.of("⚖️ I am a lawyer or accredited representative", "📄 Appeal at the BIA",
                "No, this is the first request", "No"), "Georgia", "Stewart (Lumpkin)", "ICE-OPLA-ATL-SDC-PD@ice.dhs.gov"),
            new Walk(List.of("🤝 I am helping someone else", "🔒 Held by ICE (in detention)", "Yes",
                "No, this is the first request", "Yes"), "Washington", "Tacoma", "ICE-OPLA-SEA-TAC-PD@ice.dhs.gov"),
            new Walk(List.of("🙋 I am asking for myself", "⚖️ Case in immigration court", "No, this is the first request"),
                "Nevada", "Las Vegas", "ICE-OPLA-LOS-LVG-PD@ice.dhs.gov"),
            new Walk(List.of("🙋 I am asking for myself", "⚖️ Case in immigration court", "No, this is the first request"),
                "Utah", "Salt Lake City", "ICE-OPLA-DEN-SLC-PD@ice.dhs.gov"),
            new Walk(List.of("🙋 I am asking for myself", "⚖️ Case in immigration court", "No, this is the first request"),
                "Hawaii", "Honolulu", "ICE-OPLA-HHW-PD@ice.dhs.gov"));
        List<FakeUser> users = new ArrayList<>();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        ExecutorService people = Executors.newFixedThreadPool(walks.size());
        for (Walk walk : walks) {
            // Ids long enough that finding one in the database could not be a coincidence.
            FakeUser user = api.user(7_300_000_000L + users.size() * 104_729L, "en");
            users.add(user);
            running.add(CompletableFuture.runAsync(() -> walk(user, walk), people));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        people.shutdown();

        for (int i = 0; i < walks.size(); i++) {
            FakeUser user = users.get(i);
            String seen = user.visibleText();
            assertThat(seen).as("walk %d", i).contains(walks.get(i).email());
            assertThat(count(seen, "Where to send the request")).as("walk %d: one answer", i).isEqualTo(1);
            assertThat(user.allCallbacksAnswered()).isTrue();
            assertThat(answersPerCallback(user)).as("walk %d: each tap answered once", i).allMatch(n -> n == 1);
        }
        assertThat(statuses).allMatch(status -> status == 200);
        assertThat(a.api().calls()).filteredOn(c -> !c.ok()).extracting(ApiCall::method).isEmpty();

        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(Databases.postgresUrl(schema),
            Databases.POSTGRES_USER, ""));
        List<String> stored = Databases.everything(jdbc);
        for (FakeUser user : users) {
            assertThat(stored).noneMatch(value -> value.contains(Long.toString(user.id())));
        }
        assertThat(stored).noneMatch(value -> value.contains("Maria") || value.contains("A123456789"));
        assertThat(jdbc.queryForObject("select count(*) from chat_state", Long.class)).isEqualTo(walks.size());
    }

    private static void walk(FakeUser user, Walk walk) {
        Person person = new Person(user).says("/start").says("My name is Maria, A123456789");
        person.taps("Continue ➡️");
        doubleTap(user, walk.taps().get(0));
        walk.taps().stream().skip(1).forEach(person::taps);
        person.findsAndTaps(walk.state()).taps(walk.court());
    }

    /** The same button twice in quick succession, as on a slow phone. */
    private static void doubleTap(FakeUser user, String button) {
        var message = user.lastMessage();
        String data = message.keyboard().stream().flatMap(List::stream).filter(b -> b.text().equals(button))
            .findFirst().orElseThrow().callbackData();
        user.tapData(message.messageId(), data);
        user.tapData(message.messageId(), data);
        Person.awaitAnswered(user);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    /** How many times each of the user's taps was answered. */
    private static List<Integer> answersPerCallback(FakeUser user) {
        java.util.Map<String, Integer> answers = new java.util.HashMap<>();
        for (ApiCall call : api.calls("answerCallbackQuery")) {
            answers.merge(call.params().path("callback_query_id").asText(), 1, Integer::sum);
        }
        return List.copyOf(answers.values());
    }
}
