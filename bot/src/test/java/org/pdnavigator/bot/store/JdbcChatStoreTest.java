package org.pdnavigator.bot.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdnavigator.bot.TestBot;
import org.pdnavigator.bot.chat.ChatState;
import org.pdnavigator.bot.chat.ChatState.LanguageSource;
import org.pdnavigator.bot.chat.ChatStore.Commit;
import org.pdnavigator.bot.chat.ChatStore.Stored;
import org.pdnavigator.dialogs.Session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The durable store on both databases it supports: the embedded H2 and PostgreSQL. */
class JdbcChatStoreTest {

    private static final long CHAT = 987_654_321L;

    abstract static class Contract {

        Databases.Database database;
        JdbcChatStore store;
        JdbcChatStore otherInstance;

        void open(Databases.Database database) {
            this.database = database;
            Secrets secrets = Secrets.of("a test secret of some length");
            this.store = new JdbcChatStore(database.jdbc(), database.transactions(), secrets, TestBot.CLOCK,
                Duration.ofDays(30), 1000);
            this.otherInstance = new JdbcChatStore(database.jdbc(), database.transactions(), secrets, TestBot.CLOCK,
                Duration.ofDays(30), 1000);
        }

        @AfterEach
        void close() {
            database.close();
        }

        @Test
        void keepsAStateAndReadsItBack() {
            ChatState state = state(Session.start());

            assertThat(store.commit(CHAT, null, state, OptionalLong.of(1))).isEqualTo(Commit.DONE);

            assertThat(otherInstance.find(CHAT)).contains(new Stored(state, 1));
        }

        @Test
        void refusesAWriteOnAStateThatChangedSinceItWasRead() {
            store.commit(CHAT, null, state(Session.start()), OptionalLong.of(1));
            Stored read = otherInstance.find(CHAT).orElseThrow();
            store.commit(CHAT, store.find(CHAT).orElseThrow(), state(Session.start()), OptionalLong.of(2));

            assertThat(otherInstance.commit(CHAT, read, state(Session.start()), OptionalLong.of(3)))
                .isEqualTo(Commit.CONFLICT);
            assertThat(otherInstance.find(CHAT).orElseThrow().version()).isEqualTo(2);
        }

        @Test
        void refusesTwoFirstWritesForOneChat() {
            store.commit(CHAT, null, state(Session.start()), OptionalLong.of(1));

            assertThat(otherInstance.commit(CHAT, null, state(Session.start()), OptionalLong.of(2)))
                .isEqualTo(Commit.CONFLICT);
        }

        @Test
        void refusesAnUpdateHandledBeforeAndChangesNothing() {
            store.commit(CHAT, null, state(Session.start()), OptionalLong.of(7));

            assertThat(otherInstance.commit(CHAT, otherInstance.find(CHAT).orElseThrow(), state(Session.start()),
                OptionalLong.of(7))).isEqualTo(Commit.ALREADY_HANDLED);
            assertThat(otherInstance.find(CHAT).orElseThrow().version()).isEqualTo(1);
        }

        @Test
        void forgetsAChatForReal() {
            store.commit(CHAT, null, state(Session.start()), OptionalLong.of(1));

            store.forget(CHAT, OptionalLong.of(2));

            assertThat(otherInstance.find(CHAT)).isEmpty();
            assertThat(database.jdbc().queryForObject("select count(*) from chat_state", Long.class)).isZero();
        }

        @Test
        void keepsTheMessagesSentWithTheAnswerInOneCommit() {
            store.commit(CHAT, null, state(Session.start()), OptionalLong.of(5));
            JdbcSentMessages sent = new JdbcSentMessages(database.jdbc(), Secrets.of("a test secret of some length"),
                TestBot.CLOCK);

            store.answered(5, () -> {
                sent.record(CHAT, 41);
                sent.record(CHAT, 42);
            });

            assertThat(otherInstance.unanswered(5, Duration.ZERO.minusSeconds(1))).isFalse();
            assertThat(sent.takeDeletable(CHAT)).containsExactly(41, 42);
        }

        @Test
        void keepsNeitherTheAnswerNorItsMessagesWhenOneWriteFails() {
            store.commit(CHAT, null, state(Session.start()), OptionalLong.of(5));
            JdbcSentMessages sent = new JdbcSentMessages(database.jdbc(), Secrets.of("a test secret of some length"),
                TestBot.CLOCK);

            assertThatThrownBy(() -> store.answered(5, () -> {
                sent.record(CHAT, 41);
                throw new IllegalStateException("the database went away");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(otherInstance.unanswered(5, Duration.ZERO.minusSeconds(1))).isTrue();
            assertThat(sent.takeDeletable(CHAT)).isEmpty();
        }

        @Test
        void storesNoChatIdAnywhere() {
            store.commit(CHAT, null, state(Session.start()), OptionalLong.of(1));
            new JdbcSentMessages(database.jdbc(), Secrets.of("a test secret of some length"), TestBot.CLOCK)
                .record(CHAT, 42);

            assertThat(Databases.everything(database.jdbc())).noneMatch(v -> v.contains(Long.toString(CHAT)));
        }

        private static ChatState state(Session session) {
            return new ChatState(session, "en", LanguageSource.TELEGRAM);
        }
    }

    @Nested
    @DisplayName("on the embedded H2")
    class OnH2 extends Contract {
        OnH2(@TempDir Path dir) {
            open(Databases.h2(dir));
        }
    }

    @Nested
    @DisplayName("on PostgreSQL")
    class OnPostgres extends Contract {
        OnPostgres() {
            open(Databases.postgres());
        }
    }
}
