-- Read model of the "webhooks" projection. The webhook's URL itself is a secret (url_id); only its masked form is here.
CREATE TABLE webhook_view (
    webhook_id      UUID         PRIMARY KEY,
    owner_id        VARCHAR(255) NOT NULL,
    name            VARCHAR(64)  NOT NULL,
    masked_url      VARCHAR(300) NOT NULL,
    url_id          UUID         NOT NULL,
    disabled_reason VARCHAR(300),
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX webhook_owner ON webhook_view (owner_id);

-- What each webhook is subscribed to; options are the JSON of NotificationOptions.
CREATE TABLE webhook_subscription_view (
    subscription_id UUID         PRIMARY KEY,
    webhook_id      UUID         NOT NULL REFERENCES webhook_view (webhook_id) ON DELETE CASCADE,
    target_kind     VARCHAR(16)  NOT NULL,
    target_id       VARCHAR(40)  NOT NULL,
    target_name     VARCHAR(100) NOT NULL,
    options         TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX webhook_subscription_target ON webhook_subscription_view (target_kind, target_id);
