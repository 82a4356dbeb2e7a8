-- Personal API tokens: found by the SHA-256 of the token a script sends (the token itself is never stored), listed
-- for their account. A revoked token's row is deleted; so are an account's tokens when the account is.
CREATE TABLE api_token_view (
    token_id   VARCHAR(36)  PRIMARY KEY,
    account_id VARCHAR(255) NOT NULL,
    name       VARCHAR(60)  NOT NULL,
    token_hash CHAR(64)     NOT NULL UNIQUE,
    can_write  BOOLEAN      NOT NULL,
    admin      BOOLEAN      NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX api_token_view_account ON api_token_view (account_id, created_at DESC);
