-- The latest rebuild of each projection beside its live tables (ProjectionRebuilds), so that every node's Admin page
-- sees its progress and any node can confirm or discard it.
CREATE TABLE projection_rebuild (
    processor   VARCHAR(100)     PRIMARY KEY,
    node        VARCHAR(200)     NOT NULL,
    state       VARCHAR(16)      NOT NULL,
    position    BIGINT           NOT NULL,
    head        BIGINT           NOT NULL,
    events      BIGINT           NOT NULL,
    per_second  DOUBLE PRECISION NOT NULL,
    diff        TEXT,
    error       TEXT,
    started_at  TIMESTAMPTZ      NOT NULL,
    updated_at  TIMESTAMPTZ      NOT NULL,
    finished_at TIMESTAMPTZ
);
