package org.pdnavigator.bot.telegram;

import org.junit.jupiter.api.Test;
import org.pdnavigator.bot.chat.Incoming;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How /share is read: a code that can go in a link is carried; anything else only as "there was a bad one". */
class ShareCommandTest {

    @Test
    void readsShareWithAndWithoutACode() {
        assertThat(UpdateReader.command("/share")).isEqualTo(new Incoming.Share());
        assertThat(UpdateReader.command("/share@pd_navigator_bot")).isEqualTo(new Incoming.Share());
        assertThat(UpdateReader.command("/share   ")).isEqualTo(new Incoming.Share());
        assertThat(UpdateReader.command("/share casa_latina-2")).isEqualTo(
            new Incoming.Share(Optional.of("casa_latina-2"), false));
        assertThat(UpdateReader.command("/share@pd_navigator_bot casa")).isEqualTo(
            new Incoming.Share(Optional.of("casa"), false));
    }

    @Test
    void aCodeThatCannotGoInALinkIsNotCarried() {
        for (String typed : new String[] {"/share my church", "/share café", "/share " + "a".repeat(61),
            "/share Maria A123456789"}) {
            assertThat(UpdateReader.command(typed)).as(typed).isEqualTo(new Incoming.Share(Optional.empty(), true));
        }
    }
}
