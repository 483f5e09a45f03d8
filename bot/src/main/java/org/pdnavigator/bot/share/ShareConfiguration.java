package org.pdnavigator.bot.share;

import org.pdnavigator.bot.chat.ShareLink;
import org.pdnavigator.i18n.Languages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.Optional;

/** Links and QR codes for organizers, and the counts of conversations begun through them. */
@Configuration(proxyBeanMethods = false)
class ShareConfiguration {

    @Bean
    BotUsername botUsername(ShareSettings settings) {
        return new BotUsername(settings.botUsername());
    }

    @Bean
    ShareLinks shareLinks(BotUsername username, Languages languages) {
        return new ShareLinks(username, languages);
    }

    @Bean
    QrImages qrImages() {
        return new QrImages();
    }

    @Bean
    JdbcOrganizerCodes organizerCodes(JdbcTemplate jdbc, Clock clock, ShareSettings settings) {
        return new JdbcOrganizerCodes(jdbc, clock, settings.unknownCodes());
    }

    @Bean
    OrganizerCounting organizerCounting(JdbcOrganizerCodes codes, Languages languages) {
        return new OrganizerCounting(codes, languages);
    }

    /** What {@code /share} links to: nothing while the bot's username is unknown. */
    @Bean
    ShareLink shareLink(ShareLinks links) {
        return (language, code) -> links.available() ? Optional.of(links.link(language.tag(), code))
            : Optional.empty();
    }
}
