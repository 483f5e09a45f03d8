-- Chats whose person blocked the bot: nothing is written to them until they come back. Keyed by the chat's
-- keyed hash, like every other table; deleted with the chat's other data.
create table blocked_chat (
    chat_key   varchar(64) not null primary key,
    blocked_at timestamp   not null
);

-- Whether the answer to a handled update was shown. An update handled but never answered (the bot died in
-- between) is answered when Telegram delivers it again, so a crash loses no answer.
alter table handled_update add column answered boolean default false not null;
