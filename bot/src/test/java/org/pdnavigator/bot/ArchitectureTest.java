package org.pdnavigator.bot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point one way: bot uses dialogs and i18n; the conversation's service knows no transport. */
class ArchitectureTest {

    private static final JavaClasses ALL = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.pdnavigator");

    @Test
    void wordsKnowNothingOfTheConversationOrTheBot() {
        noClasses().that().resideInAPackage("org.pdnavigator.i18n..")
            .should().dependOnClassesThat().resideInAnyPackage("org.pdnavigator.dialogs..", "org.pdnavigator.bot..")
            .check(ALL);
    }

    @Test
    void theConversationKnowsNothingOfTheBot() {
        noClasses().that().resideInAPackage("org.pdnavigator.dialogs..")
            .should().dependOnClassesThat().resideInAnyPackage("org.pdnavigator.bot..", "org.pdnavigator.i18n..")
            .check(ALL);
    }

    @Test
    void chatsAndWordingKnowNoTransport() {
        noClasses().that().resideInAnyPackage("org.pdnavigator.bot.chat..", "org.pdnavigator.bot.render..")
            .should().dependOnClassesThat().resideInAnyPackage("org.telegram..", "org.pdnavigator.bot.telegram..",
                "org.pdnavigator.bot.console..")
            .check(ALL);
    }
}
