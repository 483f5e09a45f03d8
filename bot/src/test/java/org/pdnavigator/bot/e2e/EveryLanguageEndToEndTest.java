package org.pdnavigator.bot.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pdnavigator.bot.TestBot;
import org.pdnavigator.bot.fake.FakeUser;
import org.pdnavigator.bot.render.Html;
import org.pdnavigator.dialogs.screen.Label;
import org.pdnavigator.i18n.Language;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped language end to end: a person whose Telegram app speaks it walks every situation and gets the
 * same contacts as in English, every screen in their language; the command menu is published in it.
 */
@DisplayName("In every language")
class EveryLanguageEndToEndTest {

    private static RunningBot bot;

    @BeforeAll
    static void start() {
        bot = RunningBot.start();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    /** One walk per situation, by message keys, and the contacts it must end with. */
    record Walk(String name, List<String> taps, String state, List<String> afterState, List<String> contacts) {
    }

    private static final List<Walk> WALKS = List.of(
        new Walk("detained, with a court case", List.of("role.HELPER", "situation.DETAINED", "known.YES", "denied.NO",
            "known.NO"), "AZ", List.of("Florence"), List.of("ICE-OPLA-PHO-FLO-PD@ice.dhs.gov", "1-888-351-4024")),
        new Walk("in immigration court", List.of("role.SELF", "situation.COURT", "denied.NO"), "IL",
            List.of("Chicago"), List.of("ICE-OPLA-CHI-PD@ice.dhs.gov")),
        new Walk("appeal at the BIA", List.of("role.LAWYER", "situation.APPEAL", "denied.NO", "known.NO"), "TX",
            List.of("Harlingen"), List.of("ICE-OPLA-SNA-HLG-PD@ice.dhs.gov", "(703) 605-1007")),
        new Walk("deportation order", List.of("role.SELF", "situation.FINAL_ORDER", "denied.NO", "known.YES"), "NJ",
            List.of(), List.of("970 Broad St., 11th Floor", "1-800-375-5283", "URGENT - removal scheduled")),
        new Walk("check-in, after a no", List.of("role.SELF", "situation.ENFORCEMENT", "denied.YES",
            "rung.ERO_DIRECTOR.option", "known.NO"), null, List.of(),
            List.of("eroprosecutorialdiscretioninquiries@ice.dhs.gov")));

    @TestFactory
    Stream<DynamicTest> eachLanguageWalksEverySituation() {
        return TestBot.CATALOGUE.languages().stream().flatMap(language -> WALKS.stream().map(walk ->
            DynamicTest.dynamicTest(language + ": " + walk.name(), () -> walk(language, walk))));
    }

    private static void walk(Language language, Walk walk) {
        FakeUser user = bot.api().user(nextUser(), appLanguageOf(language));
        Person person = new Person(user, label(language, "nav.next")).says("/start");
        assertThat(person.lastMessage()).isEqualTo(plain(language, "welcome.text"));
        person.taps(label(language, "welcome.continue"));
        assertThat(person.lastMessage()).isEqualTo(plain(language, "role.question"));
        for (String key : walk.taps()) {
            person.taps(label(language, key));
        }
        if (walk.state() != null) {
            person.findsAndTaps(stateName(walk.state(), language, person));
            walk.afterState().forEach(person::taps);
        }
        String answer = person.sees();
        walk.contacts().forEach(contact -> assertThat(answer).as("%s, %s", language, walk.name()).contains(contact));
        assertThat(answer).contains(plain(language, "answer.noFee"));
        assertThat(user.allCallbacksAnswered()).isTrue();
        if (!language.equals(Language.ENGLISH)) {
            assertThat(answer).as("%s shows no English sentence", language)
                .doesNotContain(plain(Language.ENGLISH, "answer.noFee"))
                .doesNotContain("What to write");
        }
    }

    @Test
    void publishesTheCommandMenuAndDescriptionsInEveryLanguage() {
        for (Language language : TestBot.CATALOGUE.languages()) {
            assertThat(bot.api().botProfile("setMyCommands", language.tag())).as(language.tag()).isNotNull();
            assertThat(bot.api().botProfile("setMyDescription", language.tag())).as(language.tag()).isNotNull();
        }
    }

    private static long users = 50_000;

    private static synchronized long nextUser() {
        return ++users;
    }

    /** An app language tag as Telegram sends it: some with a region, to check matching by the primary tag. */
    private static String appLanguageOf(Language language) {
        return Map.of("pt", "pt-br", "zh", "zh-hans", "es", "es-419").getOrDefault(language.tag(), language.tag());
    }

    private static String label(Language language, String key) {
        return TestBot.renderer().plain(Label.key(key), language);
    }

    private static String plain(Language language, String key) {
        return Html.toPlainText(TestBot.renderer().text(language, key));
    }

    private static String stateName(String code, Language language, Person person) {
        return TestBot.DIRECTORY.state(code).orElseThrow().names().getOrDefault(language.tag(),
            TestBot.DIRECTORY.state(code).orElseThrow().names().get("en"));
    }
}
