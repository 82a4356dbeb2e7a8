-- A channel's highlight settings, as its broadcaster chose them; a channel missing here has the defaults.
CREATE TABLE highlight_settings_view (
    channel_id VARCHAR(20) PRIMARY KEY,
    auto_clip  BOOLEAN     NOT NULL,
    rule       TEXT,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Every clip a spike asked for, however it went.
CREATE TABLE clip_view (
    clip_id         VARCHAR(80) PRIMARY KEY,
    channel_id      VARCHAR(20) NOT NULL,
    status          VARCHAR(10) NOT NULL,
    spike           TEXT        NOT NULL,
    clip            TEXT,
    failure         TEXT,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    requested_at    TIMESTAMPTZ NOT NULL,
    clip_created_at TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX clip_view_channel ON clip_view (channel_id, requested_at);
CREATE INDEX clip_view_created ON clip_view (clip_created_at) WHERE status = 'CREATED';
