-- Logins are made through Twitch or Discord now; the bootstrap operator token is gone.
DROP TABLE bootstrap_operator_token;

-- Web sessions, shared by every node. Only a SHA-256 hash of the session id is kept.
CREATE TABLE web_session (
    id_hash          BYTEA        PRIMARY KEY,
    account_id       VARCHAR(255),
    attributes       BYTEA        NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    last_accessed_at TIMESTAMPTZ  NOT NULL,
    expires_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX web_session_account ON web_session (account_id);
CREATE INDEX web_session_expiry ON web_session (expires_at);

-- Which account each Twitch or Discord identity belongs to, by a keyed hash of the provider's user id. The primary key
-- makes sure that two simultaneous first logins of one person create one account, on any number of nodes.
CREATE TABLE identity_claim (
    identity_hash BYTEA        PRIMARY KEY,
    provider      VARCHAR(16)  NOT NULL,
    account_id    VARCHAR(255) NOT NULL,
    claimed_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX identity_claim_account ON identity_claim (account_id);

-- The first account ever registered is offered the operator role; taken_at is set once it (or a configured operator)
-- holds the role.
CREATE TABLE operator_role_offer (
    id         INT          PRIMARY KEY CHECK (id = 1),
    account_id VARCHAR(255) NOT NULL,
    taken_at   TIMESTAMPTZ
);
