-- Read model of the "accounts" projection. The projection owns it and clears it on a replay.
CREATE TABLE account_view (
    account_id    VARCHAR(255) PRIMARY KEY,
    display_name  TEXT         NOT NULL,
    operator      BOOLEAN      NOT NULL DEFAULT FALSE,
    registered_at TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);
