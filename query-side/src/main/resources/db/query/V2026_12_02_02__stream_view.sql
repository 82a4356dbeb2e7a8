-- Read model of the "streams" projection: every stream Stagehand last saw live. Info is the JSON of StreamInfo.
CREATE TABLE stream_view (
    broadcaster_id VARCHAR(20) PRIMARY KEY,
    info           TEXT        NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
