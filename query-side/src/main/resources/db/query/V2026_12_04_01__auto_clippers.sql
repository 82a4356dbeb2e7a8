-- Auto-clipping is chosen by each subscriber, with their own Twitch account; the broadcaster decides whether others
-- may, and whether the channel's clips are public.
CREATE TABLE auto_clipper (
    channel_id     VARCHAR(20)  NOT NULL,
    account_id     VARCHAR(255) NOT NULL,
    twitch_user_id VARCHAR(20)  NOT NULL,
    since          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (channel_id, account_id)
);

-- Until now only broadcasters auto-clipped, with their own channel's Twitch account.
INSERT INTO auto_clipper (channel_id, account_id, twitch_user_id, since)
SELECT settings.channel_id, identity.account_id, settings.channel_id, settings.updated_at
FROM highlight_settings_view settings
JOIN account_identity_view identity ON identity.provider = 'TWITCH' AND identity.user_id = settings.channel_id
WHERE settings.auto_clip;

ALTER TABLE highlight_settings_view DROP COLUMN auto_clip;
ALTER TABLE highlight_settings_view ADD COLUMN others_may_clip BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE highlight_settings_view ADD COLUMN public_clips BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE highlight_settings_view ADD COLUMN paused_reason TEXT;
ALTER TABLE highlight_settings_view ADD COLUMN paused_at TIMESTAMPTZ;

-- The public highlight feed is filtered by intensity and ordered by when the spike was detected.
ALTER TABLE clip_view ADD COLUMN intensity DOUBLE PRECISION;
ALTER TABLE clip_view ADD COLUMN detected_at TIMESTAMPTZ;
UPDATE clip_view SET intensity = (spike::jsonb ->> 'intensity')::DOUBLE PRECISION,
                     detected_at = (spike::jsonb ->> 'windowEnd')::TIMESTAMPTZ;
ALTER TABLE clip_view ALTER COLUMN detected_at SET NOT NULL;
CREATE INDEX clip_view_detected ON clip_view (detected_at) WHERE status = 'CREATED';
-- Clips were listed by creation time for /v1.0/clip; the clip's own JSON keeps that time.
DROP INDEX clip_view_created;
ALTER TABLE clip_view DROP COLUMN clip_created_at;
