package org.pdnavigator.bot.share;

import org.junit.jupiter.api.Test;
import org.pdnavigator.bot.TestBot;
import org.pdnavigator.i18n.Language;
import org.pdnavigator.i18n.Languages;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The links the dashboard and /share hand out, and what they refuse. */
class ShareLinksTest {

    private static final Languages LANGUAGES = new Languages(TestBot.CATALOGUE);

    @Test
    void aLinkPerLanguageWithOrWithoutACode() {
        ShareLinks links = new ShareLinks(new BotUsername("@pd_navigator_bot"), LANGUAGES);

        for (Language language : TestBot.CATALOGUE.languages()) {
            assertThat(links.link(language.tag(), Optional.empty()))
                .isEqualTo("https://t.me/pd_navigator_bot?start=" + language.tag());
        }
        assertThat(links.link("es", Optional.of("casa_latina"))).isEqualTo(
            "https://t.me/pd_navigator_bot?start=es-casa_latina");
        assertThat(links.link("pt-BR", Optional.empty())).endsWith("?start=pt");
        String longest = links.link("es", Optional.of("x".repeat(OrganizerCode.MAX_LENGTH)));
        assertThat(longest.substring(longest.indexOf('=') + 1)).hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void refusesWhatCannotMakeAWorkingLink() {
        ShareLinks links = new ShareLinks(new BotUsername("pd_navigator_bot"), LANGUAGES);

        assertThatThrownBy(() -> links.link("xx", Optional.empty())).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("does not speak 'xx'");
        assertThatThrownBy(() -> links.link("es", Optional.of("casa latina")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("letters");
    }

    @Test
    void waitsForTheUsernameFromTelegramAndKeepsTheSettingOverIt() {
        BotUsername unknown = new BotUsername("");
        ShareLinks links = new ShareLinks(unknown, LANGUAGES);
        assertThat(links.available()).isFalse();
        assertThatThrownBy(() -> links.link("en", Optional.empty())).isInstanceOf(IllegalStateException.class);

        unknown.learned("pd_navigator_bot");
        assertThat(links.link("en", Optional.empty())).isEqualTo("https://t.me/pd_navigator_bot?start=en");

        BotUsername set = new BotUsername("set_by_operator_bot");
        set.learned("from_telegram_bot");
        assertThat(set.get()).contains("set_by_operator_bot");
    }

    @Test
    void aUsernameSettingThatCannotBeOneStopsStartUpSayingWhy() {
        assertThatThrownBy(() -> new ShareSettings("https://t.me/x", 1000))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TELEGRAM_BOT_USERNAME");
        assertThat(new ShareSettings("", 1000).botUsername()).isEmpty();
    }
}
