-- Personal data read back from the events can be erased (crypto-shredded) when a replay meets a deleted account.
ALTER TABLE account_view ALTER COLUMN display_name DROP NOT NULL;

CREATE TABLE account_identity_view (
    account_id   VARCHAR(255) NOT NULL REFERENCES account_view (account_id) ON DELETE CASCADE,
    provider     VARCHAR(16)  NOT NULL,
    user_id      TEXT,
    login        TEXT,
    display_name TEXT,
    token_id     UUID,
    needs_login  BOOLEAN      NOT NULL DEFAULT FALSE,
    linked_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (account_id, provider)
);
