-- Read model of the "deliveries" projection: each webhook's notifications and every attempt at delivering them.
CREATE TABLE delivery_view (
    notification_id VARCHAR(120) PRIMARY KEY,
    webhook_id      UUID         NOT NULL,
    subscription_id UUID         NOT NULL,
    broadcaster_id  VARCHAR(20)  NOT NULL,
    streamer        VARCHAR(100) NOT NULL,
    title           TEXT,
    game            VARCHAR(200),
    reason          VARCHAR(20)  NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    why             TEXT,
    message_id      VARCHAR(40),
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX delivery_webhook ON delivery_view (webhook_id, created_at DESC);

CREATE TABLE delivery_attempt_view (
    notification_id VARCHAR(120) NOT NULL REFERENCES delivery_view (notification_id) ON DELETE CASCADE,
    attempt         INT          NOT NULL,
    status          INT          NOT NULL,
    outcome         TEXT         NOT NULL,
    took_millis     BIGINT       NOT NULL,
    at              TIMESTAMPTZ  NOT NULL,
    next_attempt_at TIMESTAMPTZ,
    PRIMARY KEY (notification_id, attempt)
);
