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
        return new ConsoleConversation(chats, renderer, renderer.catalogue().fallback());
    }

    @Bean
    ApplicationRunner console(ConsoleConversation conversation) {
        return args -> conversation.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
            new java.io.PrintStream(System.out, true, StandardCharsets.UTF_8));
    }
}
