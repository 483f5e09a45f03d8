package org.pdnavigator.bot.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pdnavigator.dialogs.SessionCodec;

/**
 * A chat's state as text for storage: the session (versioned by its own codec) and the language with how it
 * was decided. Nothing the person typed is in it.
 */
public final class ChatStateCodec {

    private final SessionCodec sessions = new SessionCodec();
    private final ObjectMapper json = new ObjectMapper();

    public String encode(ChatState state) {
        return "{\"l\":\"" + state.language() + "\",\"ls\":\"" + state.languageSource().name() + "\",\"s\":"
            + sessions.encode(state.session()) + "}";
    }

    /** @throws IllegalArgumentException when the text is not a state this version can read */
    public ChatState decode(String text) {
        try {
            JsonNode root = json.readTree(text);
            return new ChatState(sessions.decode(root.get("s").toString()), root.get("l").asText(),
                ChatState.LanguageSource.valueOf(root.get("ls").asText()));
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Not a stored chat state: " + e.getMessage(), e);
        }
    }
}
