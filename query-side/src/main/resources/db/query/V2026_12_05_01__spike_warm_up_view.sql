-- When each channel's spike detector began watching afresh and will be warm (from stagehand.highlights.warm-ups).
CREATE TABLE spike_warm_up_view (
    channel_id VARCHAR(20) PRIMARY KEY,
    since      TIMESTAMPTZ NOT NULL,
    warm_at    TIMESTAMPTZ NOT NULL
);
