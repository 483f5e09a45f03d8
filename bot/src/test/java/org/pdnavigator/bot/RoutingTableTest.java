package org.pdnavigator.bot;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pdnavigator.bot.chat.ChatWalk;
import org.pdnavigator.dialogs.directory.Court;
import org.pdnavigator.dialogs.directory.Facility;
import org.pdnavigator.dialogs.screen.FacilityLists;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the bot sends each person, checked against tables taken from the vetted data (not from the bot's own
 * directory), by walking the conversation and reading the exact address on the answer screen.
 */
@DisplayName("Routing")
class RoutingTableTest {

    @Nested
    @DisplayName("a case in immigration court goes to the OPLA mailbox of its court")
    class ByCourt {

        @ParameterizedTest(name = "{0} ({1}) -> {2}")
        @CsvFileSource(resources = "/routing/courts.csv", numLinesToSkip = 1)
        void eachCourt(String court, String state, String email, String confidence) {
            ChatWalk walk = ChatWalk.start().tap("Continue ➡️", "🙋 I am asking for myself", "⚖️ Case in immigration court",
                "No, this is the first request", stateName(state));
            walk.tap(courtButton(court));

            assertThat(walk.text()).contains("E-mail: " + email);
            assertThat(walk.text().contains("Confirm this office")).isEqualTo(!"HIGH".equals(confidence)
                || TestBot.DIRECTORY.courts().stream().filter(c -> c.name().equals(court)).findFirst()
                    .orElseThrow().basis().inferred());
        }
    }

    @Nested
    @DisplayName("a detained person's court case goes to the OPLA office of the detention centre's court")
    class ByFacility {

        static Stream<Arguments> facilities() {
            return TestBot.DIRECTORY.facilities().stream()
                .map(f -> Arguments.of(f.id(), f.state(), f.opla().email()));
        }

        @ParameterizedTest(name = "{0} ({1}) -> {2}")
        @MethodSource("facilities")
        void eachFacility(String id, String state, String email) {
            Facility facility = TestBot.DIRECTORY.facility(id).orElseThrow();
            ChatWalk walk = ChatWalk.start().tap("Continue ➡️", "🤝 I am helping someone else",
                "🔒 Held by ICE (in detention)", "Yes", "No, this is the first request", "No", stateName(state),
                "🏢 A detention center or jail in " + stateName(state));
            if (new FacilityLists(TestBot.DIRECTORY).needsLetters(state)) {
                walk.tap(facility.name().substring(0, 1).toUpperCase());
            }
            walk.tap(facilityButton(facility));

            assertThat(walk.text()).contains("E-mail: " + email).contains("1-888-351-4024")
                .contains("The deportation officer at the detention center");
        }

        @Test
        void browardTransitionalCenterHasItsOwnMailbox() {
            Facility btc = TestBot.DIRECTORY.facilities().stream().filter(f -> f.name().startsWith("Broward"))
                .findFirst().orElseThrow();

            assertThat(btc.opla().email()).isEqualTo("ICE-OPLA-MIA-BTC-PD@ice.dhs.gov");
        }
    }

    @Nested
    @DisplayName("every OPLA mailbox can be chosen from the list of offices")
    class FromTheList {

        static Stream<Arguments> offices() {
            return TestBot.DIRECTORY.oplaOffices().stream()
                .map(o -> Arguments.of(o.field(), o.sub().orElse(""), o.email()));
        }

        @ParameterizedTest(name = "{0} {1} -> {2}")
        @MethodSource("offices")
        void eachOffice(String field, String sub, String email) {
            ChatWalk walk = ChatWalk.start().tap("Continue ➡️", "⚖️ I am a lawyer or accredited representative",
                "📄 Appeal at the BIA", "No, this is the first request", "No", "📋 List of all ICE lawyers' offices",
                field, sub.isEmpty() ? field + " (main office)" : sub);

            assertThat(walk.text()).contains("E-mail: " + email);
        }
    }

    @Nested
    @DisplayName("without a court case, the ERO field office of the state")
    class ByState {

        @ParameterizedTest(name = "{0} -> {2}")
        @CsvFileSource(resources = "/routing/ero-states.csv", numLinesToSkip = 1)
        void eachState(String state, String code, String office, String address) {
            ChatWalk walk = ChatWalk.start().tap("Continue ➡️", "🙋 I am asking for myself",
                "🏠 ICE check-in, letter or visit, no court case", "No, this is the first request", "No",
                stateName(code));

            assertThat(walk.text()).contains("ICE field office (ERO): " + office).contains(address)
                .contains("eroprosecutorialdiscretioninquiries@ice.dhs.gov");
        }

        @ParameterizedTest(name = "{1}, {0} -> {2}")
        @CsvFileSource(resources = "/routing/ero-counties.csv", numLinesToSkip = 1)
        void eachCountyOfASplitState(String state, String county, String office, String address) {
            ChatWalk walk = ChatWalk.start().tap("Continue ➡️", "🙋 I am asking for myself",
                "✈️ Deportation order, not held", "No, this is the first request", "Yes", state,
                "❓ Not sure? Pick the county", county.substring(0, 1).toUpperCase(), county);

            assertThat(walk.text()).contains("ICE field office (ERO): " + office).contains(address)
                .contains("URGENT - removal scheduled");
        }
    }

    @Nested
    @DisplayName("after a no, the next step up")
    class Escalation {

        @Test
        void afterTheEroDirectorTheEroHeadquartersMailbox() {
            ChatWalk walk = ChatWalk.start().tap("Continue ➡️", "🙋 I am asking for myself",
                "🏠 ICE check-in, letter or visit, no court case", "Yes, ICE said no",
                "👮 The director of the local ICE office", "No");

            assertThat(walk.text()).contains("ICE headquarters (ERO)")
                .contains("E-mail: eroprosecutorialdiscretioninquiries@ice.dhs.gov");
        }

        @Test
        void afterTheChiefCounselTheOplaHeadquartersMailboxCopyingEro() {
            ChatWalk walk = ChatWalk.start().tap("Continue ➡️", "🙋 I am asking for myself",
                "⚖️ Case in immigration court", "Yes, ICE said no", "⚖️ The Chief Counsel");

            assertThat(walk.text()).contains("E-mail: OPLA-PD-HQ-FLO@ice.dhs.gov")
                .contains("Copy (CC): eroprosecutorialdiscretioninquiries@ice.dhs.gov");
        }

        @Test
        void afterAnEroOfficersNoTheDirectorOfTheSameOffice() {
            ChatWalk walk = ChatWalk.start().tap("Continue ➡️", "🙋 I am asking for myself",
                "🏠 ICE check-in, letter or visit, no court case", "Yes, ICE said no",
                "👮 The ICE officer or the local ICE office", "No", "Maryland");

            assertThat(walk.text()).contains("ICE field office (ERO): Baltimore")
                .contains("Ask for the Assistant Field Office Director or the Field Office Director.");
        }

        @Test
        void afterHeadquartersNoHigherStepButLegalHelp() {
            ChatWalk walk = ChatWalk.start().tap("Continue ➡️", "🙋 I am asking for myself",
                "⚖️ Case in immigration court", "Yes, ICE said no", "⚖️ ICE lawyers' headquarters (OPLA)");

            assertThat(walk.text()).contains("There is no higher step inside ICE")
                .contains("https://www.justice.gov/eoir/list-pro-bono-legal-service-providers");
        }
    }

    static String stateName(String code) {
        return TestBot.DIRECTORY.state(code).orElseThrow().names().get("en");
    }

    private static String courtButton(String courtName) {
        Court court = TestBot.DIRECTORY.courts().stream().filter(c -> c.name().equals(courtName)).findFirst()
            .orElseThrow(() -> new AssertionError("The directory has no court named " + courtName));
        return court.formerly().isEmpty() ? court.name()
            : court.name() + " (was " + String.join(", ", court.formerly()) + ")";
    }

    private static String facilityButton(Facility facility) {
        long sameName = TestBot.DIRECTORY.facilitiesIn(facility.state()).stream()
            .filter(f -> f.name().equals(facility.name())).count();
        return sameName > 1 ? facility.name() + " (" + facility.court().name() + " court)" : facility.name();
    }
}
