-- The chat rooms' history at its intended volume (42k messages a second at peak): partitioned by UTC day of
-- published_at, so that a retention setting drops whole days (RoomHistoryMaintenance) instead of deleting rows;
-- RoomHistory creates a day's partition when its first message arrives. A partitioned table's unique key holds the
-- partition key: a message delivered again has the same published_at, so it is still stored once. The rows already
-- stored move into the partitions of their days; seq keeps counting on the same sequence.
ALTER TABLE room_message RENAME TO room_message_unpartitioned;
ALTER TABLE room_message_unpartitioned RENAME CONSTRAINT room_message_pkey TO room_message_unpartitioned_pkey;
ALTER INDEX room_message_recent RENAME TO room_message_unpartitioned_recent;

CREATE TABLE room_message (
    -- the order the messages were published in (a room's messages share a partition, written in its order)
    seq          BIGINT       NOT NULL DEFAULT nextval('room_message_seq_seq'),
    slug         VARCHAR(40)  NOT NULL,
    message_id   VARCHAR(64)  NOT NULL,
    sender_id    VARCHAR(255) NOT NULL,
    sender_name  VARCHAR(64)  NOT NULL,
    original     TEXT         NOT NULL,
    styled       TEXT         NOT NULL,
    style        VARCHAR(40)  NOT NULL,
    stylist      VARCHAR(120) NOT NULL,
    fell_back    TEXT,
    submitted_at TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (slug, message_id, published_at)
) PARTITION BY RANGE (published_at);
CREATE INDEX room_message_recent ON room_message (slug, seq DESC);
ALTER SEQUENCE room_message_seq_seq OWNED BY room_message.seq;

DO $$
DECLARE
    day DATE;
BEGIN
    FOR day IN SELECT DISTINCT (published_at AT TIME ZONE 'UTC')::date FROM room_message_unpartitioned LOOP
        EXECUTE format('CREATE TABLE room_message_p%s PARTITION OF room_message FOR VALUES FROM (%L) TO (%L)',
                       to_char(day, 'YYYYMMDD'), day || ' 00:00:00+00', (day + 1) || ' 00:00:00+00');
    END LOOP;
END
$$;
INSERT INTO room_message SELECT * FROM room_message_unpartitioned;
DROP TABLE room_message_unpartitioned;
