package org.pdnavigator.bot.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsTest {

    @Test
    void hashesAChatIdTheSameWayEveryTimeAndDifferentlyUnderAnotherSecret() {
        Secrets one = Secrets.of("the first secret, long enough");
        Secrets other = Secrets.of("the other secret, long enough");

        assertThat(one.chatKey(42)).isEqualTo(one.chatKey(42)).isNotEqualTo(one.chatKey(43))
            .isNotEqualTo(other.chatKey(42)).hasSize(43).doesNotContain("42");
    }

    @Test
    void encryptsSoOnlyTheSameSecretCanReadItBack() {
        Secrets one = Secrets.of("the first secret, long enough");
        String sealed = one.encrypt("123456789");

        assertThat(sealed).doesNotContain("123456789").isNotEqualTo(one.encrypt("123456789"));
        assertThat(one.decrypt(sealed)).isEqualTo("123456789");
        assertThatThrownBy(() -> Secrets.of("the other secret, long enough").decrypt(sealed))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatesASecretOnceIntoTheDataDirectoryReadableOnlyByItsOwner(@TempDir Path dir) throws Exception {
        Secrets first = Secrets.configuredOrGenerated(null, dir.resolve("data"));
        Secrets again = Secrets.configuredOrGenerated("", dir.resolve("data"));

        assertThat(again.chatKey(7)).isEqualTo(first.chatKey(7));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/secret"))))
            .isEqualTo("rw-------");
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> Secrets.of("short")).hasMessageContaining("at least 16 characters");
    }
}
