-- The last emote set fetched from each third-party provider, global ('global') or per channel (its Twitch id).
CREATE TABLE emote_set (
    scope      VARCHAR(20) NOT NULL,
    provider   VARCHAR(16) NOT NULL,
    emotes     TEXT        NOT NULL,
    fetched_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (scope, provider)
);
