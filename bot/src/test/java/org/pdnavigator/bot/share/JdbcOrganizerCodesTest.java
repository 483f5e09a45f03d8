package org.pdnavigator.bot.share;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdnavigator.bot.TestBot;
import org.pdnavigator.bot.store.Databases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Organizers' codes and their counts on both databases: validated, idempotent, atomic, bounded. */
class JdbcOrganizerCodesTest {

    abstract static class Contract {

        Databases.Database database;
        JdbcOrganizerCodes codes;
        /** A second instance of the bot on the same database. */
        JdbcOrganizerCodes otherInstance;

        void open(Databases.Database database) {
            this.database = database;
            this.codes = new JdbcOrganizerCodes(database.jdbc(), TestBot.CLOCK, 3);
            this.otherInstance = new JdbcOrganizerCodes(database.jdbc(), TestBot.CLOCK, 3);
        }

        @AfterEach
        void close() {
            database.close();
        }

        @Test
        void createsACodeOnceAndCountsConversationsUnderIt() {
            OrganizerCode created = codes.create("casa_latina-2");

            assertThat(created).isEqualTo(new OrganizerCode("casa_latina-2", TestBot.CLOCK.instant(), 0));
            assertThat(codes.countConversation("casa_latina-2")).isTrue();
            assertThat(otherInstance.countConversation("casa_latina-2")).isTrue();
            assertThat(otherInstance.create("casa_latina-2").conversations()).isEqualTo(2);
            assertThat(codes.find("casa_latina-2")).map(OrganizerCode::conversations).contains(2L);
            assertThat(codes.all()).extracting(OrganizerCode::code).containsExactly("casa_latina-2");
        }

        @Test
        void refusesCodesThatCannotGoInALinkSayingWhy() {
            assertThatThrownBy(() -> codes.create("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
            assertThatThrownBy(() -> codes.create("a".repeat(61))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 60");
            for (String bad : List.of("casa latina", "casa/latina", "café", "код", "a+b", "a.b")) {
                assertThatThrownBy(() -> codes.create(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("letters");
            }
            assertThat(codes.create("a".repeat(60)).code()).hasSize(60);
            assertThat(codes.find("casa latina")).isEmpty();
            assertThat(codes.countConversation("casa latina")).isFalse();
        }

        @Test
        void countsCodesNobodyCreatedUpToTheCap() {
            codes.create("operators");
            for (String code : List.of("made_up_1", "made_up_2", "made_up_3", "made_up_4", "made_up_5")) {
                codes.countConversation(code);
            }
            codes.countConversation("made_up_1");
            codes.countConversation("operators");

            assertThat(codes.all()).extracting(OrganizerCode::code, OrganizerCode::conversations).containsExactly(
                org.assertj.core.api.Assertions.tuple("made_up_1", 2L),
                org.assertj.core.api.Assertions.tuple("made_up_2", 1L),
                org.assertj.core.api.Assertions.tuple("made_up_3", 1L),
                org.assertj.core.api.Assertions.tuple("operators", 1L));
            // An operator may still create a code past the cap; a made-up code they adopt frees a place.
            assertThat(codes.create("made_up_4").conversations()).isZero();
            codes.create("made_up_1");
            assertThat(codes.countConversation("made_up_6")).isTrue();
            assertThat(codes.countConversation("made_up_7")).isFalse();
        }

        @Test
        void twoInstancesCountingAtOnceLoseNothing() throws Exception {
            codes.create("shared");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> counted = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    JdbcOrganizerCodes instance = i % 2 == 0 ? codes : otherInstance;
                    String code = i % 4 < 2 ? "shared" : "first_seen_at_once";
                    counted.add(pool.submit(() -> instance.countConversation(code)));
                }
                for (Future<Boolean> future : counted) {
                    assertThat(future.get()).isTrue();
                }
            } finally {
                pool.shutdown();
            }
            assertThat(codes.find("shared")).map(OrganizerCode::conversations).contains(200L);
            assertThat(codes.find("first_seen_at_once")).map(OrganizerCode::conversations).contains(200L);
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
