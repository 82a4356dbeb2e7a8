-- Chat history: every record of the followed channels' chat, as it travelled on stagehand.chat.messages (the JSON in
-- "record", returned as it is), with the columns searches need. Partitioned by UTC day of sent_at so that retention
-- drops whole partitions; ChatHistoryPartitions creates them as records arrive. The primary key doubles as the
-- time-range index and makes writes idempotent: a record delivered again has the same channel, time and message id.
-- Today's partition has no other index, so that writing keeps up with chat at its peak; a day that has ended gets
-- its search indexes (chatter, and words through to_tsvector('simple', ...)) from ChatHistoryPartitions.
CREATE TABLE chat_message (
    channel_id VARCHAR(20)  NOT NULL,
    sent_at    TIMESTAMPTZ  NOT NULL,
    message_id VARCHAR(128) NOT NULL,
    kind       VARCHAR(24)  NOT NULL,
    user_id    VARCHAR(20),
    user_login VARCHAR(64),
    text       TEXT,
    record     TEXT         NOT NULL,
    PRIMARY KEY (channel_id, sent_at, message_id)
) PARTITION BY RANGE (sent_at);

-- Chatters who opted out of chat history (ChatterOptedOut): their records are erased and no longer written.
CREATE TABLE chat_opt_out (
    twitch_user_id VARCHAR(20) PRIMARY KEY,
    login          VARCHAR(64) NOT NULL,
    opted_out_at   TIMESTAMPTZ NOT NULL
);
