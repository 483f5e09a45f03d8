package org.pdnavigator.bot.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pdnavigator.bot.chat.ChatStore;
import org.pdnavigator.bot.fake.ApiCall;
import org.pdnavigator.bot.fake.BotMessage;
import org.pdnavigator.bot.fake.FakeBotApi;
import org.pdnavigator.bot.fake.FakeGroup;
import org.pdnavigator.bot.fake.FakeUser;
import org.pdnavigator.bot.store.Secrets;
import org.pdnavigator.bot.telegram.BlockedChats;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and odd input, end to end (the real application and client against the fake Bot API): every kind of
 * update gets a deliberate answer or a deliberate silence, no button data but the bot's own current buttons moves
 * a conversation, and nothing typed can change how an answer looks. After each, the person goes on tapping.
 */
@DisplayName("Hostile and odd input")
class HostileInputTest {

    private static final String ROLE = "Who is asking?";
    private static final String SELF = "🙋 I am asking for myself";
    private static final String SITUATION = "What is happening to you now?";
    private static final String OUT_OF_DATE = "That menu is out of date";
    private static final String GROUP_NOTICE = "I only work in a private chat. Please open a private chat with me.";
    private static final String ERROR = "something went wrong";
    private static final AtomicLong GROUPS = new AtomicLong(-100_500_000_000L);

    private static RunningBot bot;

    @BeforeAll
    static void start() {
        bot = RunningBot.start();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    /** A person on the "Who is asking?" screen, one tap into the conversation. */
    private static Person atRole() {
        Person person = new Person(bot.newUser()).says("/start").taps("Continue ➡️");
        assertThat(person.lastMessage()).contains(ROLE);
        return person;
    }

    /** The conversation is intact: the current screen's buttons work, once, and every tap was answered. */
    private static void goesOn(Person person) {
        person.taps(SELF);
        assertThat(person.lastMessage()).contains(SITUATION);
        assertThat(person.user().allCallbacksAnswered()).isTrue();
        assertThat(person.sees()).doesNotContain(ERROR);
        assertThat(refused(person.user().id())).isEmpty();
    }

    /** Calls about this chat that Telegram would have refused. */
    private static List<String> refused(long chatId) {
        return bot.api().calls().stream().filter(c -> !c.ok())
            .filter(c -> String.valueOf(chatId).equals(c.param("chat_id")))
            .map(c -> c.method() + " " + c.status()).toList();
    }

    @Nested
    @DisplayName("every kind of update gets a deliberate answer or silence")
    class UpdateKinds {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"sticker", "voice note"})
        void mediaIsAnsweredKindlyAndTheQuestionAskedAgain(String kind) {
            Person person = atRole();
            FakeUser user = person.user();
            if (kind.equals("sticker")) {
                user.sendSticker();
            } else {
                user.sendVoice();
            }
            user.await();

            assertThat(person.lastMessage()).contains("I cannot open stickers, photos, voice notes or files")
                .contains(ROLE);
            goesOn(person);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"location", "contact"})
        void aPhoneNumberOrAPlaceIsNotWantedAndTheQuestionIsAskedAgain(String kind) {
            Person person = atRole();
            if (kind.equals("location")) {
                person.user().sendLocation();
            } else {
                person.user().sendContact();
            }
            person.user().await();

            assertThat(person.lastMessage()).contains("Please do not send a phone number or a location")
                .contains(ROLE);
            goesOn(person);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"photo", "document"})
        void papersAreNotWantedAndTheQuestionIsAskedAgain(String kind) {
            Person person = atRole();
            if (kind.equals("photo")) {
                person.user().sendPhoto();
            } else {
                person.user().sendDocument();
            }
            person.user().await();

            assertThat(person.lastMessage()).contains("Please do not send photos of papers").contains(ROLE);
            goesOn(person);
        }

        @Test
        void anEditedMessageIsPassedOverInSilence() {
            Person person = atRole();
            List<BotMessage> before = person.user().messages();

            person.user().editsMessage("My A-number is A123456789");
            person.user().await();

            assertThat(person.user().messages()).isEqualTo(before);
            goesOn(person);
        }

        @Test
        void anInlineQueryIsPointedToAPrivateChatInThePersonsLanguage() {
            Person person = atRole();
            List<BotMessage> before = person.user().messages();

            person.user().sendsInlineQuery("<b>help</b> me");
            person.user().await();

            assertThat(person.user().inlineAnswers()).singleElement().satisfies(button -> {
                assertThat(button.path("text").asText()).isEqualTo("Open the bot in a private chat");
                assertThat(button.path("start_parameter").asText()).isEqualTo("en");
            });
            assertThat(person.user().messages()).isEqualTo(before);
            goesOn(person);
        }

        @Test
        void aButtonUnderAnInlineMessageIsAnsweredAndNothingElse() {
            Person person = atRole();
            List<BotMessage> before = person.user().messages();
            int answers = person.user().callbackAnswers().size();

            person.user().tapInlineMessage("AAAAAA1:c:SELF");
            Person.awaitAnswered(person.user());
            person.user().await();

            assertThat(person.user().callbackAnswers()).hasSize(answers + 1);
            assertThat(person.user().messages()).isEqualTo(before);
            goesOn(person);
        }

        @Test
        void blockingAndUnblockingTheBotIsRecordedInSilence() {
            Person person = atRole();
            List<BotMessage> before = person.user().messages();
            BlockedChats blocked = bot.context().getBean(BlockedChats.class);

            person.user().blocksBot();
            person.user().await();
            assertThat(blocked.isBlocked(person.user().id())).isTrue();

            person.user().unblocksBot();
            person.user().await();
            assertThat(blocked.isBlocked(person.user().id())).isFalse();
            assertThat(person.user().messages()).isEqualTo(before);
            goesOn(person);
        }

        @Test
        void aTapAfterBlockingMeansThePersonIsBackAndIsAnswered() {
            Person person = atRole();
            person.user().blocksBot();
            person.user().await();

            goesOn(person);
            assertThat(bot.context().getBean(BlockedChats.class).isBlocked(person.user().id())).isFalse();
        }
    }

    @Nested
    @DisplayName("in a group or channel it says in one line that it works only in private, and holds no intake")
    class Groups {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"group", "supergroup"})
        void inAGroup(String type) {
            Person person = atRole();
            FakeGroup group = bot.api().group(GROUPS.decrementAndGet(), type, person.user());

            group.addsBot();
            person.user().await();
            assertThat(texts(group)).containsExactly(GROUP_NOTICE);

            group.send("/start@" + FakeBotApi.BOT_USERNAME);
            group.send("/help");
            person.user().await();
            assertThat(texts(group)).containsExactly(GROUP_NOTICE, GROUP_NOTICE, GROUP_NOTICE);

            // What members say to one another, or send, is none of the bot's business: silence.
            group.send("Hola a todos, my A-number is A123456789 <b>");
            group.sendSticker();
            person.user().await();
            assertThat(texts(group)).hasSize(3);

            // A button there (forged: the bot never sends any to a group) is answered, and told once.
            group.tapData("AAAAAA1:c:SELF");
            Person.awaitAnswered(person.user());
            person.user().await();
            assertThat(texts(group)).hasSize(4).last().isEqualTo(GROUP_NOTICE);

            group.removesBot();
            person.user().await();
            assertThat(texts(group)).hasSize(4);

            assertThat(bot.context().getBean(ChatStore.class).find(group.id())).isEmpty();
            goesOn(person);
        }

        @Test
        void inAChannel() {
            Person person = atRole();
            FakeGroup channel = bot.api().group(GROUPS.decrementAndGet(), "channel", person.user());

            channel.addsBot();
            person.user().await();
            assertThat(texts(channel)).containsExactly(GROUP_NOTICE);

            channel.post("/start");
            channel.post("Our meeting is on Tuesday");
            person.user().await();
            assertThat(texts(channel)).containsExactly(GROUP_NOTICE);

            assertThat(bot.context().getBean(ChatStore.class).find(channel.id())).isEmpty();
            goesOn(person);
        }

        private static List<String> texts(FakeGroup group) {
            return group.messages().stream().map(BotMessage::plainText).toList();
        }
    }

    @Nested
    @DisplayName("button data that is not the bot's own current button moves nothing")
    class ButtonData {

        private void refusedKindly(Person person, String data) {
            FakeUser user = person.user();
            long message = user.lastMessage().messageId();
            int answersBefore = user.callbackAnswers().size();

            user.tapData(message, data);
            Person.awaitAnswered(user);
            user.await();

            assertThat(person.lastMessage()).as(data).contains(OUT_OF_DATE).contains(ROLE);
            assertThat(user.callbackAnswers()).hasSize(answersBefore + 1);
            goesOn(person);
        }

        private static String current(Person person, int button) {
            BotMessage last = person.user().lastMessage();
            return last.keyboard().stream().flatMap(List::stream).toList().get(button).callbackData();
        }

        @Test
        void aForgedSignature() {
            Person person = atRole();
            String data = current(person, 0);
            String forged = (data.charAt(0) == 'A' ? 'B' : 'A') + data.substring(1);

            refusedKindly(person, forged);
        }

        @Test
        void anotherChatsButtonReplayed() {
            Person other = atRole();
            String theirs = current(other, 0);

            refusedKindly(atRole(), theirs);
        }

        @Test
        void truncatedData() {
            Person person = atRole();
            String data = current(person, 0);

            refusedKindly(person, data.substring(0, data.length() - 2));
        }

        @Test
        void overLongData() {
            Person person = atRole();

            refusedKindly(person, current(person, 0) + "x".repeat(80));
        }

        @Test
        void aSignedCodeNoEventHas() {
            Person person = atRole();
            refusedKindly(person, signed(person, "2:q:SELF"));
        }

        @Test
        void aSignedChoiceTheScreenDoesNotOffer() {
            Person person = atRole();
            refusedKindly(person, signed(person, "2:c:DETAINED"));
        }

        @Test
        void aSignedChoiceOfAnOlderVersionOfTheDialogue() {
            Person person = atRole();
            refusedKindly(person, signed(person, "2:c:HELPER_OLD"));
        }

        @Test
        void dataInTheFormOfAnOlderVersionOfTheBot() {
            Person person = atRole();
            refusedKindly(person, "1:c:SELF");
        }

        @Test
        void aButtonFromBeforeStartingOver() {
            Person person = atRole();
            FakeUser user = person.user();
            long oldMessage = user.lastMessage().messageId();
            String helper = current(person, 2);
            person.says("/start").taps("Continue ➡️");

            user.tapData(oldMessage, helper);
            Person.awaitAnswered(user);
            user.await();

            assertThat(person.lastMessage()).contains(OUT_OF_DATE).contains(ROLE);
            goesOn(person);
        }

        @Test
        void aButtonOfAnOlderTurnThatIsOfferedAgainNow() {
            Person person = atRole();
            FakeUser user = person.user();
            long oldMessage = user.lastMessage().messageId();
            String self = current(person, 0);
            person.taps(SELF, "⬅️ Back");
            assertThat(person.lastMessage()).contains(ROLE);

            // The same choice is on screen again, but this button is from an older turn: it moves nothing.
            user.tapData(oldMessage, self);
            Person.awaitAnswered(user);
            user.await();

            assertThat(person.lastMessage()).contains(OUT_OF_DATE).contains(ROLE);
            goesOn(person);
        }

        /** Data signed with the bot's own key for this chat: only the conversation can refuse it. */
        private static String signed(Person person, String body) {
            return bot.context().getBean(Secrets.class).signature(person.user().id(), body, 6) + body;
        }
    }

    @Nested
    @DisplayName("nothing typed changes how an answer looks")
    class Text {

        @ParameterizedTest(name = "{index}")
        @ValueSource(strings = {
            "<b>bold</b> <i>it</i> <code>x</code> </code> <a href=\"tg://user?id=1\">me</a> &amp; &lt; &",
            "</b></i></pre><pre><tg-spoiler>",
            "*bold* _it_ `code` [link](http://x.y) ~~s~~ ||spoiler||",
            "\u0000\u0001\u0007\b\u001b[31mred\u001b[0m\r\n\t\u007f\u0085",
            "\u202e\u200f\u2067مرحبا\u2069 A123456789 \u202c\u200e",
            "👩‍👩‍👧‍👦🇺🇸🇲🇽🏳️‍🌈 \uD83D\uDE00\uFE0F\u200D",
            "\uD800 lone \uDFFF surrogates",
            "Z̷̢̛̛a̸͎͐l̷̠̈g̴̞̋ȍ̵͜",
            "/start <b>es</b>",
            "/start@" + FakeBotApi.BOT_USERNAME + " es-\u202eabc",
            "/forgetme",
            "/",
            " ",
        })
        void oddText(String text) {
            sameAnswerAsToPlainText(text);
        }

        @Test
        void textOfTelegramsMaximumLengthAndBeyond() {
            sameAnswerAsToPlainText("A123456789 ".repeat(373).substring(0, 4096));
            sameAnswerAsToPlainText("😀".repeat(5000));
            sameAnswerAsToPlainText("/start es-" + "x".repeat(100_000));
        }

        @Test
        void aMegabyteOfText() {
            sameAnswerAsToPlainText("<b>María José Gutiérrez</b> & ".repeat(1_048_576 / 30));
        }

        /**
         * The answer to hostile text is the very answer to "hello" (to a /start with a payload it does not know,
         * the answer to a plain "/start"): the same markup, byte for byte, and the same buttons; Telegram accepted
         * it; and the conversation goes on.
         */
        private static void sameAnswerAsToPlainText(String text) {
            boolean start = text.startsWith("/start");
            Person reference = atRole().says(start ? "/start" : "hello");
            Person person = atRole().says(text);
            BotMessage expected = reference.user().lastMessage();
            BotMessage got = person.user().lastMessage();

            assertThat(got.text()).isEqualTo(expected.text());
            assertThat(got.parseMode()).isEqualTo(expected.parseMode());
            assertThat(got.buttonTexts()).isEqualTo(expected.buttonTexts());
            if (start) {
                person.taps("Continue ➡️");
            }
            goesOn(person);
        }
    }

    @Test
    @DisplayName("all of it together: every request the bot made was accepted by Telegram")
    void everyRequestWasAccepted() {
        Consumer<FakeUser> noisy = user -> {
            user.sendSticker();
            user.send("\u202e<b>");
            user.editsMessage("x");
            user.sendsInlineQuery("");
            user.tapData(user.lastMessage().messageId(), "");
            user.sendContact();
        };
        Person person = atRole();
        noisy.accept(person.user());
        Person.awaitAnswered(person.user());
        person.user().await();

        assertThat(bot.api().calls()).filteredOn(c -> !c.method().equalsIgnoreCase("getUpdates"))
            .filteredOn(c -> !c.ok()).extracting(ApiCall::method).isEmpty();
        goesOn(person);
    }
}
