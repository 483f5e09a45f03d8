package org.pdnavigator.dialogs;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The rules that keep the dialogue replaceable, testable and free of side effects. */
class ArchitectureTest {

    private static final JavaClasses DIALOGS = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.pdnavigator.dialogs");

    @Test
    void knowsNothingOfTelegramSpringBootTheBotOrItsWords() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.telegram..", "org.springframework.boot..",
            "org.pdnavigator.bot..", "org.pdnavigator.i18n..").check(DIALOGS);
    }

    @Test
    void keepsSpringStatemachineBehindTheEngine() {
        noClasses().that().resideOutsideOfPackage("org.pdnavigator.dialogs.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.statemachine..")
            .check(DIALOGS);
    }

    @Test
    void readsNoClockAndDrawsNoRandomNumbers() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.UUID")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .check(DIALOGS);
    }

    @Test
    void doesNoInputOrOutputOutsideLoadingTheDirectory() {
        noClasses().that().resideOutsideOfPackage("org.pdnavigator.dialogs.directory..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net.http..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
            .check(DIALOGS);
    }
}
