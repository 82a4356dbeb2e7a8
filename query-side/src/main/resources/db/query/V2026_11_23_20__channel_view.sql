-- Read model of the "channels" projection: each channel's chat connection, and who subscribes it.
CREATE TABLE channel_view (
    channel_id   VARCHAR(20)  PRIMARY KEY,
    login        VARCHAR(64)  NOT NULL,
    display_name VARCHAR(64)  NOT NULL,
    connection   VARCHAR(16)  NOT NULL,
    reason       TEXT,
    subscribers  INT          NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);

CREATE TABLE channel_subscription_view (
    channel_id    VARCHAR(20)  NOT NULL REFERENCES channel_view (channel_id) ON DELETE CASCADE,
    account_id    VARCHAR(255) NOT NULL,
    subscribed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (channel_id, account_id)
);
CREATE INDEX channel_subscription_account ON channel_subscription_view (account_id);
