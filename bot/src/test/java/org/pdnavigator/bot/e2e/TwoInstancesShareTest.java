package org.pdnavigator.bot.e2e;

import org.junit.jupiter.api.Test;
import org.pdnavigator.bot.fake.FakeBotApi;
import org.pdnavigator.bot.fake.FakeUser;
import org.pdnavigator.bot.share.OrganizerCode;
import org.pdnavigator.bot.share.OrganizerCodes;
import org.pdnavigator.bot.store.Databases;

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
 * Two instances on one PostgreSQL database count an organizer's link right: people open it at the same moment,
 * their updates spread over both instances and a third of them delivered to both at once, as Telegram retries.
 * Each conversation counts exactly once.
 */
class TwoInstancesShareTest {

    private static final String PATH = "/telegram/hook";
    private static final String SECRET = "two-instances-share";

    @Test
    void peopleOpeningALinkAtOnceOnTwoInstancesAreEachCountedOnce() throws Exception {
        String schema = Databases.newPostgresSchema();
        ExecutorService twice = Executors.newFixedThreadPool(4);
        ExecutorService people = Executors.newFixedThreadPool(12);
        try (FakeBotApi api = FakeBotApi.start()) {
            String[] shared = {"spring.datasource.url=" + Databases.postgresUrl(schema),
                "spring.datasource.username=" + Databases.POSTGRES_USER, "bot.secret=one secret for both",
                "telegram.webhook-url=https://bot.example.org" + PATH, "telegram.webhook-secret=" + SECRET};
            try (RunningBot a = RunningBot.start(api, RunningBot.temporaryDataDir(), shared);
                 RunningBot b = RunningBot.start(api, RunningBot.temporaryDataDir(), shared)) {
                a.context().getBean(OrganizerCodes.class).create("two_instances");
                AtomicInteger deliveries = new AtomicInteger();
                api.deliverBy(json -> {
                    int n = deliveries.incrementAndGet();
                    RunningBot first = n % 2 == 0 ? a : b;
                    RunningBot second = first == a ? b : a;
                    Future<Integer> again = n % 3 == 0
                        ? twice.submit(() -> Webhook.deliver(second, PATH, SECRET, json)) : null;
                    Webhook.deliver(first, PATH, SECRET, json);
                    if (again != null) {
                        try {
                            again.get(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });

                List<CompletableFuture<Void>> opening = new ArrayList<>();
                List<FakeUser> users = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    FakeUser user = api.user(7_400_000_000L + i, i % 2 == 0 ? "en" : "pt");
                    users.add(user);
                    opening.add(CompletableFuture.runAsync(() -> new Person(user).says("/start es-two_instances"),
                        people));
                }
                CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

                assertThat(b.context().getBean(OrganizerCodes.class).find("two_instances"))
                    .map(OrganizerCode::conversations).contains(24L);
                assertThat(users).allSatisfy(user -> assertThat(user.lastMessage().plainText())
                    .contains("Dónde pedirle a ICE").doesNotContain("Where to ask ICE"));
            }
        } finally {
            twice.shutdownNow();
            people.shutdownNow();
            Databases.dropPostgresSchema(schema);
        }
    }
}
