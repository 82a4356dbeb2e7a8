-- Every message published in a chat room, once, with the original beside the styled text and what styled it, so a
-- room can be rendered again with another model. Deleted messages are listed apart (a deletion may be projected before
-- the message is written) and left out of every answer.
CREATE TABLE room_message (
    -- the order the messages were published in (a room's messages share a partition, written in its order)
    seq          BIGSERIAL    NOT NULL,
    slug         VARCHAR(40)  NOT NULL,
    message_id   VARCHAR(64)  NOT NULL,
    sender_id    VARCHAR(255) NOT NULL,
    sender_name  VARCHAR(64)  NOT NULL,
    original     TEXT         NOT NULL,
    styled       TEXT         NOT NULL,
    style        VARCHAR(40)  NOT NULL,
    stylist      VARCHAR(120) NOT NULL,
    fell_back    TEXT,
    submitted_at TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (slug, message_id)
);
CREATE INDEX room_message_recent ON room_message (slug, seq DESC);

CREATE TABLE room_message_deleted (
    slug       VARCHAR(40) NOT NULL,
    message_id VARCHAR(64) NOT NULL,
    deleted_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (slug, message_id)
);
