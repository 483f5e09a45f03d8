package org.pdnavigator.bot.e2e;

import org.junit.jupiter.api.Test;
import org.pdnavigator.bot.fake.ApiCall;
import org.pdnavigator.bot.fake.FakeUser;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The draft, as a person gets it on Telegram: from the answer, in English with what it means around it, and as a
 * text file uploaded with sendDocument (multipart), read back by the fake Bot API.
 */
class DraftEndToEndTest {

    @Test
    void theAnswerOffersADraftToCopyAndAFileToPrint() throws java.io.IOException {
        try (RunningBot bot = RunningBot.start()) {
            FakeUser user = bot.newUser();
            Person person = new Person(user).says("/start").taps("Continue ➡️", "🙋 I am asking for myself",
                "⚖️ Case in immigration court", "No, this is the first request");
            person.findsAndTaps("Arizona").taps("Tucson");
            assertThat(person.sees()).contains("ICE-OPLA-PHO-TUC-PD@ice.dhs.gov");

            person.taps("📝 A draft of the request");
            String seen = person.sees();
            assertThat(seen).contains("A draft of your request", "How to fill it in",
                "To: ICE-OPLA-PHO-TUC-PD@ice.dhs.gov",
                "Subject: Request for prosecutorial discretion - [YOUR FULL NAME], A-number [A-NUMBER]",
                "Be careful with dismissal");
            int messages = user.messages().size();

            person.taps("📄 Get it as a file");
            List<ApiCall> documents = bot.api().calls("sendDocument");
            assertThat(documents).hasSize(1);
            ApiCall upload = documents.get(0);
            assertThat(upload.ok()).isTrue();
            // Uploaded as Telegram documents it: the field names an attached multipart part, which holds the file.
            assertThat(upload.param("document")).isEqualTo("attach://pd-request-draft.txt");
            com.fasterxml.jackson.databind.JsonNode file = upload.params().path("pd-request-draft.txt");
            assertThat(file.path("file_name").asText()).isEqualTo("pd-request-draft.txt");
            assertThat(new String(file.path("content").binaryValue(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("To: ICE-OPLA-PHO-TUC-PD@ice.dhs.gov", "A-number: [A-NUMBER]", "How to fill it in");
            assertThat(upload.param("caption")).contains("Your draft");

            // The reminder menu comes as a new message: the draft stays whole, and its buttons move down.
            person.taps("⏰ Remind me to check for a reply");
            assertThat(user.messages()).hasSize(messages + 2);
            assertThat(user.messages().get(messages - 1).text()).contains("[YOUR FULL NAME]");
            person.taps("⬅️ Back");
            person.taps("⬅️ Back");
            assertThat(person.lastMessage()).contains("Asking is free");
            assertThat(user.allCallbacksAnswered()).isTrue();
        }
    }
}
