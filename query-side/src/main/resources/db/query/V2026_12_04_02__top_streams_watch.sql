-- The operator's watch over Twitch's top live streams, while it runs.
CREATE TABLE top_streams_watch_view (
    watch_id          VARCHAR(32) PRIMARY KEY,
    streams           INTEGER     NOT NULL,
    game_ids          TEXT        NOT NULL,
    languages         TEXT        NOT NULL,
    clipper_twitch_id VARCHAR(20) NOT NULL,
    clipper_login     VARCHAR(64) NOT NULL,
    since             TIMESTAMPTZ NOT NULL
);

-- Clips of the top streams watch are in the public highlight feed whatever their broadcaster chose.
ALTER TABLE clip_view ADD COLUMN public_feed BOOLEAN NOT NULL DEFAULT FALSE;
