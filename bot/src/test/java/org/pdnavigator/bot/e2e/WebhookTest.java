package org.pdnavigator.bot.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pdnavigator.bot.fake.ApiCall;
import org.pdnavigator.bot.fake.FakeUser;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Receiving updates by webhook, with the secret token checked and every update acknowledged once handled. */
class WebhookTest {

    private static final String PATH = "/telegram/hook";
    private static final String SECRET = "a-webhook_secret-42";
    private static RunningBot bot;
    private static final List<Integer> statuses = new ArrayList<>();

    @BeforeAll
    static void start() {
        bot = RunningBot.start("telegram.webhook-url=https://bot.example.org" + PATH, "telegram.webhook-secret=" + SECRET);
        bot.api().deliverBy(json -> statuses.add(Webhook.deliver(bot, PATH, SECRET, json)));
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void registersItsUrlWithTheSecretToken() {
        ApiCall setWebhook = bot.api().calls("setWebhook").get(0);

        assertThat(setWebhook.params().path("url").asText()).isEqualTo("https://bot.example.org" + PATH);
        assertThat(setWebhook.params().path("secret_token").asText()).isEqualTo(SECRET);
        assertThat(bot.api().calls("getUpdates")).isEmpty();
    }

    @Test
    void walksAConversationThroughWebhookDeliveries() {
        Person person = new Person(bot.newUser()).says("/start").taps("Continue ➡️", "🙋 I am asking for myself",
            "⚖️ Case in immigration court", "No, this is the first request").findsAndTaps("Oregon").taps("Portland");

        assertThat(person.sees()).contains("ICE-OPLA-SEA-POO-PD@ice.dhs.gov");
        assertThat(statuses).allMatch(status -> status == 200);
    }

    @Test
    void refusesADeliveryWithoutTheRightSecretAndChangesNothing() {
        String update = "{\"update_id\":990001,\"message\":{\"message_id\":1,\"date\":1700000000,"
            + "\"chat\":{\"id\":424242,\"type\":\"private\"},\"from\":{\"id\":424242,\"is_bot\":false,"
            + "\"first_name\":\"X\"},\"text\":\"/start\"}}";

        assertThat(Webhook.deliver(bot, PATH, null, update)).isEqualTo(401);
        assertThat(Webhook.deliver(bot, PATH, "wrong", update)).isEqualTo(401);
        assertThat(Webhook.deliver(bot, PATH, SECRET + "x", update)).isEqualTo(401);

        assertThat(bot.api().messages(424242)).isEmpty();
        JdbcTemplate jdbc = bot.context().getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("select count(*) from handled_update where update_id = 990001", Long.class))
            .isZero();
    }

    @Test
    void aRepeatedUpdateIsAcknowledgedButAnsweredOnce() {
        FakeUser user = bot.newUser();
        String update = "{\"update_id\":990002,\"message\":{\"message_id\":1,\"date\":1700000000,"
            + "\"chat\":{\"id\":" + user.id() + ",\"type\":\"private\"},\"from\":{\"id\":" + user.id()
            + ",\"is_bot\":false,\"first_name\":\"X\"},\"text\":\"/start\"}}";

        assertThat(Webhook.deliver(bot, PATH, SECRET, update)).isEqualTo(200);
        assertThat(Webhook.deliver(bot, PATH, SECRET, update)).isEqualTo(200);

        assertThat(user.messages()).hasSize(1);
    }
}
