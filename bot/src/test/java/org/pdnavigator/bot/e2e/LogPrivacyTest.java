package org.pdnavigator.bot.e2e;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pdnavigator.bot.fake.FakeBotApi;
import org.pdnavigator.bot.fake.FakeGroup;
import org.pdnavigator.bot.fake.FakeUser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs name no one and hold nothing typed: conversations with names, A-numbers, phone numbers and e-mail
 * addresses typed in, distinctive ids, groups, inline queries, forged buttons, Telegram failing, and the database
 * failing under the bot; then every line the application logged (its own code at every level, the rest as
 * configured) is searched for any of it.
 */
@DisplayName("Logs")
class LogPrivacyTest {

    private static final long PERSON_ID = 7_310_428_519L;
    private static final long GROUP_ID = -1_009_876_543_210L;
    private static final String FIRST_NAME = "María José";
    private static final String LAST_NAME = "Gutiérrez";
    private static final String USERNAME = "mjgutierrez_83";
    private static final List<String> TYPED = List.of(
        "Me llamo María José Gutiérrez y mi número A es A123456789",
        "123-456-789",
        "A-098-765-432",
        "+1 (202) 555-0143",
        "maria.gutierrez@example.com",
        "Vivo en 742 Evergreen Terrace, Springfield",
        "/start A246813579",
        "/forget_me_Ximena",
        "<b>Ximena</b> &amp; Rodrigo");

    private static final String HOOK = "/telegram/hook";
    private static final String HOOK_SECRET = "log-privacy-secret";

    @ParameterizedTest(name = "receiving updates by {0}")
    @ValueSource(strings = {"long polling", "webhook"})
    @DisplayName("name no user and hold no typed text, even when things fail")
    void nameNoUserAndHoldNoTypedText(String mode) throws IOException {
        Path dataDir = RunningBot.temporaryDataDir();
        Path logFile = dataDir.resolve("bot.log");
        FakeBotApi api = FakeBotApi.start();
        List<String> settings = new ArrayList<>(List.of("logging.file.name=" + logFile,
            "logging.level.root=INFO", "logging.level.org.pdnavigator=TRACE"));
        boolean webhook = mode.equals("webhook");
        if (webhook) {
            settings.add("telegram.webhook-url=https://bot.example.org" + HOOK);
            settings.add("telegram.webhook-secret=" + HOOK_SECRET);
        }
        RunningBot bot = RunningBot.start(api, dataDir, settings.toArray(String[]::new));
        try {
            if (webhook) {
                api.deliverBy(json -> Webhook.deliver(bot, HOOK, HOOK_SECRET, json));
                deliverJunk(bot);
            }
            converse(bot);
        } finally {
            bot.close();
        }

        List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        // The capture works: what failed was logged, stack traces included.
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("trying again"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("refused by Telegram"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Handling a"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("\tat "));

        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            for (String secret : secrets()) {
                assertThat(lower).as("a log line names someone or holds typed text").doesNotContain(secret);
            }
        }
    }

    private static void converse(RunningBot bot) {
        FakeBotApi api = bot.api();
        FakeUser user = api.user(PERSON_ID, "es", FIRST_NAME, LAST_NAME, USERNAME);
        Person person = new Person(user, "Más ▶️").says("/start");
        person.taps(user.buttons().get(0));

        for (String text : TYPED) {
            person.says(text);
        }
        user.sendContact();
        user.sendsInlineQuery("A123456789 María");
        user.editsMessage("A123456789");
        user.await();

        // Forged and replayed buttons.
        user.tapData(user.lastMessage().messageId(), "A123456789");
        user.tapData(user.lastMessage().messageId(), "xxxxxx1:c:" + USERNAME);
        Person.awaitAnswered(user);

        // Telegram failing: a server error retried, a refusal, then the person blocking the bot.
        api.failNext("sendMessage", 1, 500, null, null);
        person.says("123-456-789");
        api.failNext("sendMessage", 1, 400, "Bad Request: chat not found", null);
        person.says("123-456-789");
        api.failNext("answerCallbackQuery", 1, 429, null, 1);
        person.taps(user.buttons().get(0));
        api.failNext("sendMessage", 1, 403, null, null);
        person.says("A123456789");
        user.unblocksBot();
        user.await();

        // A group, where the same person writes.
        FakeGroup group = api.group(GROUP_ID, "supergroup", user);
        group.addsBot();
        group.send("/start A123456789");
        group.send("María José: A123456789");
        group.tapData("A123456789");
        Person.awaitAnswered(user);
        user.await();

        // The database failing under the bot: handling fails, and says so in the log.
        bot.context().getBean(HikariDataSource.class).close();
        person.says("maria.gutierrez@example.com");
        assertThat(person.lastMessage()).contains("algo salió mal");
    }

    /** Deliveries that are not updates, or not from Telegram, carrying what a person might have typed. */
    private static void deliverJunk(RunningBot bot) {
        String update = "{\"update_id\":991,\"message\":{\"message_id\":1,\"date\":1700000000,\"chat\":{\"id\":"
            + PERSON_ID + ",\"type\":\"private\",\"first_name\":\"" + FIRST_NAME + "\"},\"text\":\"A123456789\"}}";
        assertThat(Webhook.deliver(bot, HOOK, "wrong", update)).isEqualTo(401);
        assertThat(Webhook.deliver(bot, HOOK, HOOK_SECRET, "María José Gutiérrez A123456789")).isEqualTo(400);
        assertThat(Webhook.deliver(bot, HOOK, HOOK_SECRET, "{\"update_id\":\"A123456789\",\"message\":"
            + "{\"chat\":{\"id\":\"" + FIRST_NAME + "\"}}}")).isEqualTo(400);
        assertThat(Webhook.deliver(bot, HOOK, HOOK_SECRET, "{\"update_id\":992,\"message\":{\"message_id\":"
            + "\"maria.gutierrez@example.com\"}}")).isEqualTo(400);
    }

    /** What no line may hold, lower case. */
    private static List<String> secrets() {
        List<String> secrets = new ArrayList<>(List.of(Long.toString(PERSON_ID),
            Long.toString(Math.abs(GROUP_ID)), "maría", "maria", "josé", "gutiérrez", "gutierrez", USERNAME,
            "a123456789", "123456789", "123-456-789", "098-765-432", "555-0143", "5550143", "example.com",
            "evergreen", "a246813579", "ximena", "rodrigo"));
        TYPED.forEach(text -> secrets.add(text.toLowerCase(Locale.ROOT)));
        return secrets;
    }
}
