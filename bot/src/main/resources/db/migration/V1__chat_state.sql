-- Where each chat is in the conversation. No row names a Telegram user: chats are keyed by a keyed hash
-- (HMAC-SHA256) of the chat id, and the state holds only steps, ids and choices, never typed text.
create table chat_state (
    chat_key   varchar(64)  not null primary key,
    version    bigint       not null,
    state      varchar      not null,
    updated_at timestamp    not null
);
create index chat_state_updated_at on chat_state (updated_at);

-- Updates already handled, so a repeated update_id changes nothing. Kept two days: Telegram retries for one.
create table handled_update (
    update_id  bigint    not null primary key,
    handled_at timestamp not null
);
create index handled_update_handled_at on handled_update (handled_at);

-- The bot's own messages in each chat, so /forget can delete those Telegram still lets it delete (48 hours).
create table sent_message (
    chat_key   varchar(64) not null,
    message_id bigint      not null,
    sent_at    timestamp   not null,
    primary key (chat_key, message_id)
);
create index sent_message_sent_at on sent_message (sent_at);
