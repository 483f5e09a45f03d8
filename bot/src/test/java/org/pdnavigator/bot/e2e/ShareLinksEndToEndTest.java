package org.pdnavigator.bot.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.pdnavigator.bot.TestBot;
import org.pdnavigator.bot.fake.ApiCall;
import org.pdnavigator.bot.fake.BotMessage;
import org.pdnavigator.bot.fake.FakeBotApi;
import org.pdnavigator.bot.fake.FakeUser;
import org.pdnavigator.bot.render.Html;
import org.pdnavigator.bot.share.OrganizerCode;
import org.pdnavigator.bot.share.OrganizerCodes;
import org.pdnavigator.bot.share.QrReading;
import org.pdnavigator.i18n.Language;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links and QR codes for organizers, end to end over the fake Bot API: a deep link starts the bot in its language
 * and counts the conversation under its code; a malformed one starts normally; {@code /share} sends a QR code that
 * a phone reads as exactly the link, and a message to forward.
 */
@DisplayName("Links and QR codes for organizers")
class ShareLinksEndToEndTest {

    private static final String BOT = "https://t.me/" + FakeBotApi.BOT_USERNAME + "?start=";
    private static RunningBot bot;
    private static long users = 7_300_000;

    @BeforeAll
    static void start() {
        bot = RunningBot.start();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @TestFactory
    Stream<DynamicTest> aDeepLinkStartsInItsLanguageAndCountsUnderItsCode() {
        return TestBot.CATALOGUE.languages().stream().map(language -> DynamicTest.dynamicTest(language.tag(), () -> {
            // The app speaks another language: the link's wins.
            String app = language.tag().equals("vi") ? "ru" : "vi";
            String code = "group_" + language.tag() + "-1";
            Person person = new Person(bot.api().user(nextUser(), app)).says("/start " + language.tag() + "-" + code);

            assertThat(person.lastMessage()).isEqualTo(plain(language, "welcome.text"));
            assertThat(codes().find(code)).map(OrganizerCode::conversations).contains(1L);

            Person withoutCode = new Person(bot.api().user(nextUser(), app)).says("/start " + language.tag());
            assertThat(withoutCode.lastMessage()).isEqualTo(plain(language, "welcome.text"));

            // Sharing from there gives the link in that language, its QR code and the message to forward, in it.
            withoutCode.says("/share");
            List<BotMessage> messages = withoutCode.user().messages();
            BotMessage photo = messages.get(messages.size() - 2);
            assertThat(QrReading.decodePng(bot.api().uploadedFile(withoutCode.user().id(), photo.messageId())
                .orElseThrow())).isEqualTo(BOT + language.tag());
            assertThat(photo.plainText()).isEqualTo(plain(language, "share.caption", BOT + language.tag()));
            assertThat(withoutCode.lastMessage()).isEqualTo(plain(language, "share.message", BOT + language.tag()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> aMalformedPayloadStartsInTheTelegramLanguageAndCountsNothing() {
        return Stream.of(
                "es-" + "a".repeat(61),                  // code too long
                "es-" + "a".repeat(62),                  // payload over 64 characters
                "es-casa!latina", "es-casa.latina", "es-", "-casa", "es_casa", "ES-casa", // bad characters or form
                "xx-casa", "xx", "english-casa",         // no language the bot speaks
                "", " ",                                 // empty
                "es-café", "ру-casa", "es-casa🙂", "es-caf\u0065\u0301")       // Unicode
            .map(payload -> DynamicTest.dynamicTest("'" + payload + "'", () -> {
                int before = codes().all().size();
                Person person = new Person(bot.api().user(nextUser(), "pt-br")).says("/start " + payload);

                assertThat(person.lastMessage()).isEqualTo(plain(new Language("pt"), "welcome.text"));
                assertThat(codes().all()).hasSize(before);
            }));
    }

    @Test
    void shareSendsAQrCodeOfTheLinkInTheChatsLanguageAndAMessageToForward() {
        FakeUser user = bot.api().user(nextUser(), "es-419");
        Person person = new Person(user).says("/start").says("/share");

        String link = BOT + "es";
        List<BotMessage> messages = user.messages();
        BotMessage photo = messages.get(messages.size() - 2);
        assertThat(QrReading.decodePng(bot.api().uploadedFile(user.id(), photo.messageId()).orElseThrow()))
            .isEqualTo(link);
        assertThat(photo.plainText()).contains(link).contains("Comparta este bot");

        BotMessage forward = messages.get(messages.size() - 1);
        assertThat(forward.plainText()).contains(link).startsWith("¿Tiene problemas con ICE?");
        assertThat(forward.hasKeyboard()).as("nothing in it that only works in this chat").isFalse();
        ApiCall sent = bot.api().calls("sendMessage").stream()
            .filter(call -> call.param("chat_id").equals(Long.toString(user.id()))).reduce((a, b) -> b).orElseThrow();
        assertThat(sent.param("link_preview_options")).as("the bot's card shows under the link").contains("false");
        assertThat(person.lastMessage()).isEqualTo(forward.plainText());
    }

    @Test
    void theAnswerOffersAButtonToShareTheBotAndKeepsItsButtons() {
        FakeUser user = bot.api().user(nextUser(), "en");
        Person person = new Person(user).says("/start").taps("Continue ➡️", "🙋 I am asking for myself",
            "⚖️ Case in immigration court", "No, this is the first request").findsAndTaps("Arizona").taps("Tucson");
        assertThat(user.buttons()).contains("🪜 If ICE says no", "📣 Share this bot");
        int before = user.messages().size();

        person.taps("📣 Share this bot");

        List<BotMessage> messages = user.messages();
        assertThat(messages).hasSize(before + 2);
        assertThat(QrReading.decodePng(bot.api().uploadedFile(user.id(), messages.get(before).messageId())
            .orElseThrow())).isEqualTo(BOT + "en");
        assertThat(person.lastMessage()).startsWith("Facing ICE?").contains(BOT + "en");
        assertThat(user.buttons()).as("the answer is still there to use").contains("🪜 If ICE says no");
        person.taps("🪜 If ICE says no");
        assertThat(person.sees()).doesNotContain("out of date");
    }

    @Test
    void aQrCodeIsUploadedOnceAndSentAgainByItsFileId() {
        FakeUser first = bot.api().user(nextUser(), "tr");
        FakeUser second = bot.api().user(nextUser(), "tr");
        new Person(first).says("/start").says("/share upload_once");
        new Person(second).says("/share upload_once");

        List<ApiCall> photos = bot.api().calls("sendPhoto").stream()
            .filter(call -> List.of(Long.toString(first.id()), Long.toString(second.id())).contains(call.param("chat_id")))
            .toList();
        assertThat(photos).hasSize(2).allMatch(ApiCall::ok);
        // Uploaded as Telegram expects from TelegramBots: multipart, the field naming the part with the file.
        assertThat(photos.get(0).param("photo")).startsWith("attach://");
        assertThat(photos.get(1).param("photo")).startsWith("fake-photo-");
        List<BotMessage> seen = second.messages();
        assertThat(QrReading.decodePng(bot.api().uploadedFile(second.id(), seen.get(seen.size() - 2).messageId())
            .orElseThrow())).isEqualTo(BOT + "tr-upload_once");
    }

    @Test
    void anOrganizersCodeGoesInTheLinkAndCountsThoseWhoCome() {
        FakeUser organizer = bot.api().user(nextUser(), "fr");
        new Person(organizer).says("/start").says("/share Eglise_St-Paul_2");

        String link = BOT + "fr-Eglise_St-Paul_2";
        List<BotMessage> messages = organizer.messages();
        BotMessage photo = messages.get(messages.size() - 2);
        assertThat(QrReading.decodePng(bot.api().uploadedFile(organizer.id(), photo.messageId()).orElseThrow()))
            .isEqualTo(link);
        assertThat(organizer.lastMessage().plainText()).contains(link);
        assertThat(codes().find("Eglise_St-Paul_2")).as("sharing counts no one").isEmpty();

        // Someone scans it: Telegram sends /start with what follows ?start=.
        Person newcomer = new Person(bot.api().user(nextUser(), "en"))
            .says("/start " + link.substring(link.indexOf("=") + 1));
        assertThat(newcomer.lastMessage()).isEqualTo(plain(new Language("fr"), "welcome.text"));
        assertThat(codes().find("Eglise_St-Paul_2")).map(OrganizerCode::conversations).contains(1L);
    }

    @Test
    void aCodeThatCannotGoInALinkGetsAKindExplanation() {
        FakeUser user = bot.api().user(nextUser(), "en");
        int photos = bot.api().calls("sendPhoto").size();
        Person person = new Person(user).says("/start").says("/share my church!");

        assertThat(person.lastMessage()).isEqualTo(plain(Language.ENGLISH, "share.badCode"));
        assertThat(bot.api().calls("sendPhoto")).hasSize(photos);
    }

    @Test
    void theCommandMenuOffersShareInEveryLanguage() {
        for (Language language : TestBot.CATALOGUE.languages()) {
            assertThat(bot.api().botProfile("setMyCommands", language.tag()).findValuesAsText("command"))
                .as(language.tag()).contains("share");
        }
        assertThat(bot.api().calls("getMe")).isNotEmpty();
    }

    /** Until Telegram tells the bot its name, /share says the link is not ready; afterwards it works. */
    @Test
    void theUsernameIsLearnedFromTelegramEvenWhenItIsSlowToAnswer(@TempDir Path dataDir) {
        FakeBotApi api = FakeBotApi.start();
        api.failNext("getMe", 5, 502, "Bad Gateway", null);
        try (RunningBot late = RunningBot.start(api, dataDir)) {
            FakeUser user = late.api().user(nextUser(), "en");
            Person person = new Person(user).says("/share");
            assertThat(person.lastMessage()).isEqualTo(plain(Language.ENGLISH, "share.unavailable"));

            Instant deadline = Instant.now().plusSeconds(30);
            while (late.api().calls("getMe").stream().noneMatch(ApiCall::ok) && Instant.now().isBefore(deadline)) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            person.says("/share");
            assertThat(person.lastMessage()).contains(BOT + "en");
        }
    }

    @Test
    void theUsernameSettingIsUsedWithoutAskingTelegramAndCountsSurviveARestart(@TempDir Path dataDir) {
        FakeBotApi api = FakeBotApi.start();
        RunningBot first = RunningBot.start(api, dataDir, "share.bot-username=@Other_PD_bot");
        new Person(api.user(nextUser(), "uk")).says("/start uk-kyiv_help");
        Person organizer = new Person(api.user(nextUser(), "uk")).says("/share");
        assertThat(organizer.lastMessage()).contains("https://t.me/Other_PD_bot?start=uk");
        assertThat(api.calls("getMe")).isEmpty();
        first.context().close();

        try (RunningBot second = RunningBot.start(api, dataDir)) {
            new Person(api.user(nextUser(), "en")).says("/start uk-kyiv_help");
            assertThat(second.context().getBean(OrganizerCodes.class).find("kyiv_help"))
                .map(OrganizerCode::conversations).contains(2L);
        }
    }

    private static OrganizerCodes codes() {
        return bot.context().getBean(OrganizerCodes.class);
    }

    private static synchronized long nextUser() {
        return ++users;
    }

    private static String plain(Language language, String key) {
        return Html.toPlainText(TestBot.renderer().text(language, key));
    }

    private static String plain(Language language, String key, String link) {
        return Html.toPlainText(TestBot.renderer().text(language, key, java.util.Map.of("link", link)));
    }

}
