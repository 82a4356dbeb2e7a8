-- Chat history: every record of the followed channels' chat, as it travelled on stagehand.chat.messages (the JSON in
-- "record"), with the columns searches need. Partitioned by UTC day of sent_at so that retention drops whole
-- partitions; ChatHistoryPartitions creates them as records arrive. The primary key doubles as the time-range index
-- and makes writes idempotent: a record delivered again has the same channel, time and Twitch message id.
CREATE TABLE chat_message (
    channel_id VARCHAR(20)  NOT NULL,
    sent_at    TIMESTAMPTZ  NOT NULL,
    message_id VARCHAR(128) NOT NULL,
    kind       VARCHAR(24)  NOT NULL,
    user_login VARCHAR(64),
    text       TEXT,
    record     JSON         NOT NULL,
    words      TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', coalesce(text, ''))) STORED,
    PRIMARY KEY (channel_id, sent_at, message_id)
) PARTITION BY RANGE (sent_at);

CREATE INDEX chat_message_user ON chat_message (channel_id, user_login, sent_at);
CREATE INDEX chat_message_words ON chat_message USING GIN (words);
