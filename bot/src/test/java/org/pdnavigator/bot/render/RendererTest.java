package org.pdnavigator.bot.render;

import org.junit.jupiter.api.Test;
import org.pdnavigator.bot.TestBot;
import org.pdnavigator.dialogs.directory.PartialDate;
import org.pdnavigator.dialogs.screen.Block;
import org.pdnavigator.dialogs.screen.Label;
import org.pdnavigator.dialogs.screen.Screen;
import org.pdnavigator.dialogs.Step;
import org.pdnavigator.i18n.Language;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RendererTest {

    private final Renderer renderer = TestBot.renderer();

    @Test
    void setsLatinScriptValuesApartInRightToLeftText() {
        Language arabic = new Language("ar");
        String html = renderer.text(arabic, "contact.opla", Map.of("office", Label.name("Los Angeles"),
            "email", "ICE-OPLA-LOS-PD@ice.dhs.gov"));

        assertThat(html).contains("\u2066ICE-OPLA-LOS-PD@ice.dhs.gov\u2069").contains("\u2066Los Angeles\u2069");
    }

    @Test
    void leavesLeftToRightTextAlone() {
        String html = renderer.text(Language.ENGLISH, "contact.opla", Map.of("office", Label.name("Los Angeles"),
            "email", "ICE-OPLA-LOS-PD@ice.dhs.gov"));

        assertThat(html).doesNotContain("\u2066", "\u2069");
    }

    @Test
    void escapesWhatItInserts() {
        String html = renderer.text(Language.ENGLISH, "contact.opla", Map.of("office", Label.name("A <b> & C"),
            "email", "x@y.org"));

        assertThat(html).contains("A &lt;b&gt; &amp; C");
    }

    @Test
    void writesDatesInTheLanguageOrAsIsoWhereIcuHasNoCalendarWords() {
        PartialDate date = PartialDate.parse("2021-06-11");

        assertThat(renderer.date(date, Language.ENGLISH)).isEqualTo("June 11, 2021");
        assertThat(renderer.date(date, new Language("es"))).isEqualTo("11 de junio de 2021");
        assertThat(renderer.date(date, new Language("ht"))).isEqualTo("2021-06-11");
        assertThat(renderer.date(PartialDate.parse("2015"), Language.ENGLISH)).isEqualTo("2015");
    }

    @Test
    void splitsAMessageTooLongForTelegramBetweenParagraphs() {
        String paragraph = "x".repeat(3000);
        Screen screen = new Screen(Step.ANSWER, List.of(List.of(
            new Block.Text(new Label.Name(paragraph)), new Block.Text(new Label.Name(paragraph)))), List.of());

        RenderedScreen rendered = renderer.render(screen, Language.ENGLISH);

        assertThat(rendered.messages()).hasSize(2).allSatisfy(m -> assertThat(m.length()).isLessThanOrEqualTo(4096));
    }
}
