-- Read model of chat analytics: each channel's windows as stagehand.chat.stats last published them.
CREATE TABLE chat_stats_view (
    channel_id      VARCHAR(20) NOT NULL,
    window_seconds  INT         NOT NULL,
    window_start    TIMESTAMPTZ NOT NULL,
    message_count   BIGINT      NOT NULL,
    unique_chatters BIGINT      NOT NULL,
    stats           TEXT        NOT NULL,
    last_updated    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (channel_id, window_seconds, window_start)
);
