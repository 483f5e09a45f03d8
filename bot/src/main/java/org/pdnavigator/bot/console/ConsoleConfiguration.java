package org.pdnavigator.bot.console;

import org.pdnavigator.bot.chat.ChatService;
import org.pdnavigator.bot.render.Renderer;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Without a Telegram token, the conversation runs in the terminal. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${telegram.bot-token:}'.trim().isEmpty() and ${bot.console:true}")
class ConsoleConfiguration {

    @Bean
    ConsoleConversation consoleConversation(ChatService chats, Renderer renderer) {
        // The terminal's language (LANG=es_US.UTF-8) stands in for the Telegram app's.
        String lang = System.getenv("LANG");
        return new ConsoleConversation(chats, renderer, lang == null ? null : lang.split("[._]")[0]);
    }

    @Bean
    ApplicationRunner console(ConsoleConversation conversation) {
        return args -> conversation.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
            new java.io.PrintStream(System.out, true, StandardCharsets.UTF_8));
    }
}
