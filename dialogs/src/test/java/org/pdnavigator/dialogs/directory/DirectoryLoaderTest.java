package org.pdnavigator.dialogs.directory;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.pdnavigator.dialogs.Fixtures;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The directory")
class DirectoryLoaderTest {

    private final Directory directory = Fixtures.DIRECTORY;

    @Nested
    @DisplayName("as shipped")
    class AsShipped {

        @Test
        void hasEveryOplaMailboxOfThe2021TableAndBothEscalationMailboxes() {
            assertThat(directory.oplaOffices()).hasSize(59);
            assertThat(directory.escalationMailboxes()).hasSize(2);
            assertThat(directory.pdMailboxes()).hasSize(61);
        }

        @ParameterizedTest(name = "{0} {1}: {2}")
        @CsvFileSource(resources = "/routing/pd-mailboxes.csv", numLinesToSkip = 1)
        void spellsEachPdMailboxExactlyAsTheSeedDoes(String field, String sub, String email) {
            assertThat(directory.pdMailboxes()).contains(email);
        }

        @Test
        void hasEveryCourtOnEoirsListAndEveryEroFieldOffice() {
            assertThat(directory.courts()).hasSize(72);
            assertThat(directory.eroOffices()).hasSize(25);
        }

        @Test
        void coversEveryStateAndTerritoryWithAnEroOffice() {
            assertThat(directory.statesWithEroCoverage()).hasSize(directory.states().size());
        }

        @Test
        void showsTheDetentionLineAsIcePrintsItNeverTheTypo() {
            assertThat(directory.phone(Contacts.DETENTION_LINE).number()).isEqualTo("1-888-351-4024");
        }

        @Test
        void citesADatedOrExplicitlyUndatedSourceForEveryEntry() {
            directory.oplaOffices().forEach(o -> assertThat(o.source()).isNotNull());
            directory.courts().forEach(c -> assertThat(c.source()).isNotNull());
            directory.facilities().forEach(f -> assertThat(f.source()).isNotNull());
            directory.eroOffices().forEach(o -> assertThat(o.source()).isNotNull());
        }

        @Test
        void keepsEveryIdShortEnoughForTelegramButtons() {
            directory.courts().forEach(c -> assertThat(c.id()).hasSizeLessThanOrEqualTo(32));
            directory.facilities().forEach(f -> assertThat(f.id()).hasSizeLessThanOrEqualTo(32));
        }
    }

    @Nested
    @DisplayName("refuses, naming the file and the entry,")
    class Refuses {

        @Test
        void anUnknownOfficeReference() {
            String yaml = minimal().replace("opla: atl\n", "opla: atlx\n");

            assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(DirectoryException.class)
                .hasMessageContaining("test.yaml: courts[atlanta].opla names no OPLA office in 'opla': 'atlx'");
        }

        @Test
        void aMalformedEmailAddress() {
            String yaml = minimal().replace("ICE-OPLA-ATL-PD@ice.dhs.gov", "ICE-OPLA-ATL-PD(at)ice.dhs.gov");

            assertThatThrownBy(() -> load(yaml))
                .hasMessageContaining("test.yaml: opla[atl].email is not an e-mail address");
        }

        @Test
        void aMissingSource() {
            String yaml = minimal().replace("    source: eoir\n", "");

            assertThatThrownBy(() -> load(yaml))
                .hasMessageContaining("test.yaml: courts[atlanta].source is missing");
        }

        @Test
        void aSourceWithoutADate() {
            String yaml = minimal().replace("    published: \"2025-11-20\"\n", "");

            assertThatThrownBy(() -> load(yaml))
                .hasMessageContaining("test.yaml: sources.eoir has no publication date");
        }

        @Test
        void aLabelMissingAShippedLanguage() {
            assertThatThrownBy(() -> new DirectoryLoader(List.of("en", "es"))
                .load("test.yaml", new ByteArrayInputStream(minimal().getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("test.yaml: states[GA].name has no translation for 'es'");
        }

        @Test
        void everyMistakeAtOnce() {
            String yaml = minimal().replace("opla: atl\n", "opla: nope\n").replace("state: GA\n", "state: ZZ\n");

            assertThatThrownBy(() -> load(yaml))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.problems()).hasSize(2));
        }

        @Test
        void aFileThatIsNotYaml() {
            assertThatThrownBy(() -> load("sources: [unclosed"))
                .hasMessageContaining("test.yaml is not valid YAML");
        }
    }

    @Test
    void loadsAMinimalValidFile() {
        Directory small = load(minimal());

        assertThat(small.court("atlanta")).map(c -> c.opla().email()).contains("ICE-OPLA-ATL-PD@ice.dhs.gov");
    }

    private static Directory load(String yaml) {
        return new DirectoryLoader(List.of("en"))
            .load("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The smallest directory the dialogue accepts: one of everything it names. */
    private static String minimal() {
        return """
            reviewed: "2026-11-23"
            sources:
              rules: { title: "t", publisher: "ICE", published: "2015-03-27", official: true }
              eoir:
                title: "EOIR list"
                publisher: "EOIR"
                published: "2025-11-20"
                official: true
              ice-pd-2015: { title: "t", publisher: "ICE", published: "2015", official: true }
              aila-escalation-2015: { title: "t", publisher: "AILA", published: "2015", official: false }
              ice-opla-pd-2021: { title: "t", publisher: "ICE", published: "2021-06-11", official: true }
              ice-msl-2023: { title: "t", publisher: "ICE", published: "2023-12", official: true }
              policy-eo-14159: { title: "t", publisher: "x", published: "2025-01-20", official: false }
              policy-dismissals-2025: { title: "t", publisher: "x", published: "2025-05", official: false }
            phones:
              dril: { number: "1-888-351-4024", source: rules }
              eoir-acis: { number: "1-800-898-7180", hours: { days: ALWAYS }, source: rules }
              uscis-ncsc: { number: "1-800-375-5283", source: rules }
              bia-info: { number: "(703) 605-1007", source: rules }
            links:
              privacy-waiver: { url: "http://www.ice.gov/a.pdf", source: rules }
              ero-offices: { url: "https://www.ice.gov/contact/ero", source: rules }
              field-offices: { url: "https://www.ice.gov/contact/field-offices", source: rules }
              odls: { url: "https://locator.ice.gov/odls", source: rules }
              pro-bono: { url: "https://www.justice.gov/x", source: rules }
              legal-directory: { url: "https://example.org/", source: rules }
            opla:
              - { id: atl, field: "Atlanta", email: ICE-OPLA-ATL-PD@ice.dhs.gov, source: rules }
            escalation:
              opla-hq: { email: OPLA-PD-HQ-FLO@ice.dhs.gov, source: rules }
              ero-hq: { email: eroprosecutorialdiscretioninquiries@ice.dhs.gov, source: rules }
            states:
              - { code: "GA", name: { en: Georgia } }
            courts:
              - id: atlanta
                name: "Atlanta"
                city: "Atlanta"
                state: GA
                address: "180 Ted Turner Drive, Atlanta, GA 30303"
                opla: atl
                basis: SAME_CITY_MAIN
                confidence: HIGH
                source: eoir
            facilities: []
            ero:
              - id: atlanta
                name: "Atlanta"
                area: { en: "Georgia" }
                address: "180 Ted Turner Dr. SW, Atlanta, GA 30303"
                contactVerified: false
                source: rules
                areaSource: rules
            eroCoverage:
              - { state: "GA", office: atlanta, source: rules }
            """;
    }
}
