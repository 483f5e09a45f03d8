-- Organizers' codes in deep links (https://t.me/<bot>?start=es-<code>) and how many conversations began through
-- each: counts only, never a chat. Codes an operator created are kept for good; codes nobody created (typed into a
-- link by hand) are counted too, but at most 1,000 of them, so a flood of made-up codes cannot grow the table.
create table organizer_code (
    code          varchar(64) not null primary key,
    created_at    timestamp   not null,
    by_operator   boolean     not null,
    conversations bigint      default 0 not null
);
create index organizer_code_by_operator on organizer_code (by_operator);
