-- Secrets sealed with AES-GCM under a key derived from the master key; the id is the associated data.
CREATE TABLE secret (
    secret_id  UUID         PRIMARY KEY,
    owner_id   VARCHAR(255) NOT NULL,
    kind       VARCHAR(64)  NOT NULL,
    sealed     BYTEA        NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX secret_owner ON secret (owner_id);

-- One key per account for the personal data in its events, wrapped by the master key. A shredded account keeps a
-- tombstone (wrapped_key NULL) so that no new key can be made for it.
CREATE TABLE personal_data_key (
    owner_id    VARCHAR(255) PRIMARY KEY,
    wrapped_key BYTEA,
    created_at  TIMESTAMPTZ  NOT NULL,
    shredded_at TIMESTAMPTZ
);
