-- Read model of the chat rooms: each room's title and style (JSON), and who may not send in it.
CREATE TABLE chat_room_view (
    slug       VARCHAR(40) PRIMARY KEY,
    title      VARCHAR(60) NOT NULL,
    style      TEXT        NOT NULL,
    closed     BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE chat_room_ban_view (
    slug       VARCHAR(40)  NOT NULL REFERENCES chat_room_view (slug) ON DELETE CASCADE,
    account_id VARCHAR(255) NOT NULL,
    reason     TEXT,
    banned_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (slug, account_id)
);
