-- The hash of the bootstrap operator token generated on first start (the token itself is never stored).
CREATE TABLE bootstrap_operator_token (
    id         SMALLINT    PRIMARY KEY CHECK (id = 1),
    token_hash BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
