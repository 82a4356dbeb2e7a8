-- The chats Stagehand is to be in, written by ChannelChatSaga and read by every node: each channel is read by the
-- one node that claims it. A newer requested_at asks the reading node for another join (after a failed one).
CREATE TABLE chat_channel (
    channel_id   VARCHAR(20) PRIMARY KEY,
    login        VARCHAR(64) NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL
);

-- Channels subscribed before this table existed were joined at each start from the channels read model.
INSERT INTO chat_channel (channel_id, login, requested_at)
SELECT channel_id, login, now() FROM channel_view WHERE subscribers > 0;
