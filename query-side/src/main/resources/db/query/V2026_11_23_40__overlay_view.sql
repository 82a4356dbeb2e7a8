-- Read model of the "overlays" projection. Settings are the JSON of OverlaySettings.
CREATE TABLE overlay_view (
    overlay_id  UUID         PRIMARY KEY,
    owner_id    VARCHAR(255) NOT NULL,
    channel_id  VARCHAR(20)  NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    settings    TEXT         NOT NULL,
    version     INT          NOT NULL,
    token_id    UUID         NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX overlay_owner ON overlay_view (owner_id);
