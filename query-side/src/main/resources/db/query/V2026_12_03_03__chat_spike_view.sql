-- Read model of spike detection: every spike stagehand.highlights.spikes carried, once.
CREATE TABLE chat_spike_view (
    channel_id   VARCHAR(20) NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    window_end   TIMESTAMPTZ NOT NULL,
    spike        TEXT        NOT NULL,
    PRIMARY KEY (channel_id, window_start)
);
