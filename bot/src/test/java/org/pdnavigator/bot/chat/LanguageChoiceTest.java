package org.pdnavigator.bot.chat;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pdnavigator.bot.TestBot;
import org.pdnavigator.bot.render.Html;
import org.pdnavigator.dialogs.screen.Label;
import org.pdnavigator.i18n.Language;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot picks the person's language without asking, and keeps the one they choose. */
class LanguageChoiceTest {

    private final ChatService chats = TestBot.chatService();

    @TestFactory
    Stream<DynamicTest> speaksTheLanguageOfThePersonsTelegramApp() {
        return TestBot.CATALOGUE.languages().stream().map(language -> DynamicTest.dynamicTest(language.tag(), () -> {
            ChatWalk walk = new ChatWalk(chats, 100 + language.hashCode(), language.tag() + "-XX");

            assertThat(walk.language()).isEqualTo(language);
            assertThat(walk.text()).isEqualTo(plain(language, "welcome.text"));
        }));
    }

    @Test
    void speaksTheFallbackToAnAppLanguageItDoesNotShip() {
        ChatWalk walk = new ChatWalk(chats, 7, "de");

        assertThat(walk.language()).isEqualTo(TestBot.CATALOGUE.fallback());
    }

    @Test
    void showsEveryLanguageInItsOwnNameAndKeepsTheOneChosen() {
        Language last = TestBot.CATALOGUE.languages().get(TestBot.CATALOGUE.languages().size() - 1);
        ChatWalk walk = new ChatWalk(chats, 8, "en").tap(label(Language.ENGLISH, "welcome.language"));
        for (Language language : TestBot.CATALOGUE.languages()) {
            assertThat(walk.buttons()).anySatisfy(b -> assertThat(b).endsWith(
                TestBot.CATALOGUE.format(language, "language.name")));
        }

        walk.tapEndingWith(TestBot.CATALOGUE.format(last, "language.name"));

        assertThat(walk.language()).isEqualTo(last);
        assertThat(walk.text()).isEqualTo(plain(last, "welcome.text"));
        walk.tap(label(last, "welcome.continue"));
        assertThat(walk.text()).isEqualTo(plain(last, "role.question"));
    }

    @Test
    void theLanguageCommandOpensTheMenuAndBackReturnsToTheQuestion() {
        ChatWalk walk = new ChatWalk(chats, 9, "en").tap("Continue ➡️").send(new Incoming.LanguageMenu());
        assertThat(walk.text()).contains("Choose your language");

        walk.tap("⬅️ Back");

        assertThat(walk.text()).contains("Who is asking?");
    }

    @Test
    void aDeepLinksLanguageComesBeforeTheAppsAndAChoiceBeforeBoth() {
        Language linked = TestBot.CATALOGUE.languages().get(TestBot.CATALOGUE.languages().size() - 1);
        ChatWalk walk = new ChatWalk(chats, 10, "en").send(new Incoming.Start(linked.tag() + "-casa_latina"));
        assertThat(walk.language()).isEqualTo(linked);

        walk.send(new Incoming.LanguageMenu()).tapEndingWith(TestBot.CATALOGUE.format(Language.ENGLISH, "language.name"));
        walk.send(new Incoming.Start(linked.tag()));

        assertThat(walk.language()).isEqualTo(Language.ENGLISH);
    }

    @Test
    void aMalformedDeepLinkStartsInTheAppsLanguage() {
        ChatWalk walk = new ChatWalk(chats, 11, "en").send(new Incoming.Start("<script>"));

        assertThat(walk.language()).isEqualTo(Language.ENGLISH);
        assertThat(walk.text()).isEqualTo(plain(Language.ENGLISH, "welcome.text"));
    }

    private static String label(Language language, String key) {
        return TestBot.renderer().plain(Label.key(key), language);
    }

    private static String plain(Language language, String key) {
        return Html.toPlainText(TestBot.renderer().text(language, key));
    }
}
