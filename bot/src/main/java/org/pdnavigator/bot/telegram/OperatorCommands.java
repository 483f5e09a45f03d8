package org.pdnavigator.bot.telegram;

import java.util.Optional;

/** Commands only operators' chats may use ({@code OPERATOR_CHAT_IDS}); to anyone else they are not commands. */
public interface OperatorCommands {

    /**
     * @param command the command's word, without the slash
     * @return the answer (Telegram HTML) when the chat is an operator's, else empty
     */
    Optional<String> answer(long chatId, String command);

    OperatorCommands NONE = (chatId, command) -> Optional.empty();
}
