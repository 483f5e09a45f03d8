package org.pdnavigator.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationListener;

/** PD Navigator: on Telegram with a token, in the terminal without one. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BotApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application, serving HTTP on Telegram and talking in the terminal without a token. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(BotApplication.class);
        application.addListeners(new TerminalWithoutWebServer());
        return application;
    }

    /** In the terminal there is nothing to serve over HTTP: no web server, no port taken. */
    static final class TerminalWithoutWebServer implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            var environment = event.getEnvironment();
            boolean token = !environment.getProperty("telegram.bot-token", "").isBlank();
            boolean console = environment.getProperty("bot.console", Boolean.class, true);
            if (!token && console) {
                event.getSpringApplication().setWebApplicationType(WebApplicationType.NONE);
            }
        }
    }
}
