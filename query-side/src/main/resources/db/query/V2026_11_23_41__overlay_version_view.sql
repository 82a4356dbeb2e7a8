-- Every saved look of every overlay, for the dashboard's history and roll-back.
CREATE TABLE overlay_version_view (
    overlay_id UUID        NOT NULL REFERENCES overlay_view (overlay_id) ON DELETE CASCADE,
    version    INT         NOT NULL,
    name       VARCHAR(64) NOT NULL,
    settings   TEXT        NOT NULL,
    saved_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (overlay_id, version)
);
