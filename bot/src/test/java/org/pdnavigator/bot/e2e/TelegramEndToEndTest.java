package org.pdnavigator.bot.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pdnavigator.bot.TestBot;
import org.pdnavigator.bot.fake.ApiCall;
import org.pdnavigator.bot.fake.FakeUser;
import org.pdnavigator.dialogs.directory.OplaOffice;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.User;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot end to end: the real application, the real TelegramBots client and long polling, a fake Bot API on
 * loopback. Scripted people walk each situation to its contacts, with bad input along the way.
 */
@DisplayName("On Telegram")
class TelegramEndToEndTest {

    private static RunningBot bot;

    @BeforeAll
    static void start() {
        bot = RunningBot.start();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    private static Person newPerson() {
        return new Person(bot.newUser());
    }

    @Test
    void publishesItsCommandMenu() {
        assertThat(bot.api().calls("setMyCommands")).isNotEmpty();
    }

    @Test
    void greetsWithWhoItIsAndWhatItNeverAsksFor() {
        Person person = newPerson().says("/start");

        assertThat(person.lastMessage()).contains("free information service").contains("not ICE")
            .contains("not a lawyer").contains("We never ask for money, an A-number, passwords or photos of papers")
            .contains("Nothing you type is kept");
        assertThat(person.user().buttons()).containsExactly("Continue ➡️", "🔒 More about privacy", "🌐 Language");
    }

    @Nested
    @DisplayName("walks each situation to its contacts")
    class Situations {

        @Test
        void aDetainedPersonWithACourtCaseThroughTheirDetentionCentre() {
            Person person = newPerson().says("/start")
                .taps("Continue ➡️", "🤝 I am helping someone else",
                    "🔒 Held by ICE (in detention)", "Yes", "No, this is the first request", "Yes")
                .findsAndTaps("Georgia").taps("🏢 A detention center or jail in Georgia")
                .findsAndTaps("Stewart Detention Center");

            assertThat(person.sees()).contains("The deportation officer at the detention center")
                .contains("ICE-OPLA-ATL-SDC-PD@ice.dhs.gov").contains("1-888-351-4024")
                .contains("Deportation is soon. Act today.")
                .contains("privacy release signed by the person").contains("60-001.pdf")
                .contains("Asking is free").contains("not legal advice");
            assertThat(person.user().allCallbacksAnswered()).isTrue();
        }

        @Test
        void aCaseInImmigrationCourtWithTypedTextAndAStickerOnTheWay() {
            Person person = newPerson().says("/start").taps("Continue ➡️")
                .says("My name is Maria and my A-number is A123456789");
            assertThat(person.lastMessage()).contains("I can only read taps on the buttons")
                .contains("Who is asking?");

            person.taps("🙋 I am asking for myself").sendsSticker();
            assertThat(person.lastMessage()).contains("cannot open stickers").contains("What is happening to you now?");

            person.taps("⚖️ Case in immigration court", "No, this is the first request").findsAndTaps("Illinois")
                .taps("Chicago");
            assertThat(person.sees()).contains("ICE lawyers (OPLA): Chicago").contains("ICE-OPLA-CHI-PD@ice.dhs.gov")
                .contains("Be careful with dismissal").contains("Get legal advice before you ask for a dismissal");
        }

        @Test
        void anAppealAtTheBiaWithAPhotoOnTheWay() {
            Person person = newPerson().says("/start").taps("Continue ➡️", "⚖️ I am a lawyer or accredited representative")
                .sendsPhoto();
            assertThat(person.lastMessage()).contains("Please do not send photos of papers");

            person.taps("📄 Appeal at the BIA", "No, this is the first request", "No").findsAndTaps("Texas")
                .taps("Harlingen");
            assertThat(person.sees()).contains("ICE-OPLA-SNA-HLG-PD@ice.dhs.gov").contains("(703) 605-1007");
        }

        @Test
        void aDeportationOrderInATexasCountyWithAVoiceNoteOnTheWay() {
            Person person = newPerson().says("/start").taps("Continue ➡️", "🙋 I am asking for myself",
                "✈️ Deportation order, not held", "No, this is the first request").sendsVoice();
            assertThat(person.lastMessage()).contains("cannot open stickers, photos, voice notes or files")
                .contains("Is deportation planned soon?");

            person.taps("I am not sure").findsAndTaps("Texas").taps("❓ Not sure? Pick the county", "E", "El Paso");
            assertThat(person.sees()).contains("ICE field office (ERO): El Paso").contains("11541 Montana Ave")
                .contains("1-800-375-5283").contains("1-888-351-4024");
        }

        @Test
        void aCheckInWithoutACourtCase() {
            Person person = newPerson().says("/start").taps("Continue ➡️", "🙋 I am asking for myself",
                "🏠 ICE check-in, letter or visit, no court case", "No, this is the first request", "No")
                .findsAndTaps("New Jersey");

            assertThat(person.sees()).contains("ICE field office (ERO): Newark").contains("970 Broad St")
                .contains("eroprosecutorialdiscretioninquiries@ice.dhs.gov")
                .contains("Field offices are not check-in places");
        }

        @Test
        void aPersonWhoDoesNotKnowTheirCourtIsToldHowToFindOut() {
            Person person = newPerson().says("/start").taps("Continue ➡️", "🙋 I am asking for myself",
                "⚖️ Case in immigration court", "No, this is the first request", "❓ I don't know the court");

            assertThat(person.lastMessage()).contains("1-800-898-7180").contains("hearing notice");
            person.taps("➡️ Go on without an office");
            assertThat(person.sees()).contains("First, find the court").doesNotContain("ICE-OPLA-");
        }
    }

    @Nested
    @DisplayName("never loses a person")
    class Robustness {

        @Test
        void anOldButtonSaysTheMenuIsOutOfDateAndShowsWhereTheyAre() {
            Person person = newPerson().says("/start").taps("Continue ➡️");
            FakeUser user = person.user();
            long roleMessage = user.lastMessage().messageId();
            String oldData = user.lastMessage().keyboard().get(0).get(0).callbackData();
            person.taps("🙋 I am asking for myself", "⚖️ Case in immigration court");

            user.tapData(roleMessage, oldData);
            user.await();

            assertThat(person.lastMessage()).contains("That menu is out of date").contains("Has ICE already said no");
            assertThat(user.allCallbacksAnswered()).isTrue();
        }

        @Test
        void forgedButtonDataChangesNothing() {
            Person person = newPerson().says("/start").taps("Continue ➡️");
            FakeUser user = person.user();

            for (String forged : List.of("", "x", "0:k:../../etc", "zzzzzz:c:SELF", "1:q:SELF", "1:c:" + "A".repeat(60))) {
                user.tapData(user.lastMessage().messageId(), forged);
                user.await();
                assertThat(person.lastMessage()).contains("Who is asking?");
            }
            assertThat(user.allCallbacksAnswered()).isTrue();
        }

        @Test
        void aDoubleTapMovesOnlyOnce() {
            Person person = newPerson().says("/start").taps("Continue ➡️");
            FakeUser user = person.user();
            long message = user.lastMessage().messageId();
            String self = user.lastMessage().keyboard().get(0).get(0).callbackData();

            user.tapData(message, self);
            user.tapData(message, self);
            user.await();

            assertThat(person.lastMessage()).contains("What is happening to you now?");
            assertThat(user.allCallbacksAnswered()).isTrue();
            assertThat(person.sees()).doesNotContain("out of date");
        }

        @Test
        void backAndStartOverWorkFromAnyScreen() {
            Person person = newPerson().says("/start").taps("Continue ➡️", "🙋 I am asking for myself",
                "⚖️ Case in immigration court", "⬅️ Back");
            assertThat(person.lastMessage()).contains("What is happening to you now?");

            person.taps("🔄 Start over");
            assertThat(person.lastMessage()).contains("free information service");
        }

        @Test
        void helpExplainsAndRepeatsTheQuestion() {
            Person person = newPerson().says("/start").taps("Continue ➡️").says("/help");

            assertThat(person.lastMessage()).contains("How this works").contains("Who is asking?");
        }

        @Test
        void forgetDeletesTheBotsMessagesAndConfirmsInOneMessage() {
            Person person = newPerson().says("/start").taps("Continue ➡️", "🙋 I am asking for myself").says("/help")
                .says("/forget");

            assertThat(person.user().messages()).singleElement()
                .satisfies(m -> assertThat(m.plainText()).contains("We erased what we kept about this chat"));
            person.says("/start");
            assertThat(person.lastMessage()).contains("free information service");
        }

        @Test
        void inAGroupItSaysOnceThatItOnlyWorksInPrivate() {
            long groupId = -100_123;
            Message message = Message.builder().messageId(1).date((int) Instant.now().getEpochSecond())
                .chat(Chat.builder().id(groupId).type("group").title("Community").build())
                .from(User.builder().id(555L).isBot(false).firstName("Test").build())
                .text("/start").build();
            Update update = new Update();
            update.setMessage(message);

            bot.api().push(update);
            bot.api().awaitIdle(java.time.Duration.ofSeconds(10));

            assertThat(bot.api().messages(groupId)).singleElement()
                .satisfies(m -> assertThat(m.plainText()).contains("only work in a private chat"));
        }

        @Test
        void everyMessageItSentWasAcceptedByTelegram() {
            newPerson().says("/start").taps("Continue ➡️", "🙋 I am asking for myself",
                "🏠 ICE check-in, letter or visit, no court case", "No, this is the first request", "No")
                .findsAndTaps("Texas").taps("Dallas", "🪜 If ICE says no", "⬅️ Back",
                    "❓ Why this office?");

            assertThat(bot.api().calls()).filteredOn(c -> !c.method().equalsIgnoreCase("getUpdates"))
                .filteredOn(c -> c.status() != 200)
                .extracting(ApiCall::method).isEmpty();
        }
    }

    @Test
    @DisplayName("tapping through reaches all 61 PD addresses: 59 OPLA mailboxes and both headquarters mailboxes")
    void tappingThroughReachesAll61Addresses() {
        Set<String> reached = new LinkedHashSet<>();
        for (OplaOffice office : TestBot.DIRECTORY.oplaOffices()) {
            Person person = newPerson().says("/start").taps("Continue ➡️", "🙋 I am asking for myself",
                "⚖️ Case in immigration court", "No, this is the first request", "📋 List of all ICE lawyers' offices")
                .findsAndTaps(office.field()).taps(office.sub().orElse(office.field() + " (main office)"));
            collect(person.sees(), reached);
        }
        Person ero = newPerson().says("/start").taps("Continue ➡️", "🙋 I am asking for myself",
            "🏠 ICE check-in, letter or visit, no court case", "Yes, ICE said no",
            "👮 The director of the local ICE office", "No");
        collect(ero.sees(), reached);
        Person opla = newPerson().says("/start").taps("Continue ➡️", "🙋 I am asking for myself",
            "⚖️ Case in immigration court", "Yes, ICE said no", "⚖️ The Chief Counsel");
        collect(opla.sees(), reached);

        assertThat(reached).hasSize(61).containsExactlyInAnyOrderElementsOf(TestBot.DIRECTORY.pdMailboxes());
    }

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.-]+@ice\\.dhs\\.gov");

    private static void collect(String text, Set<String> reached) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            reached.add(m.group());
        }
    }
}
