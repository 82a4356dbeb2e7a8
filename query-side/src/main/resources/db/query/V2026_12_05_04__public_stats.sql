-- A broadcaster may let anyone read their channel's chat statistics, without a login (the original stats API was
-- public); off until they say so.
ALTER TABLE highlight_settings_view ADD COLUMN public_stats BOOLEAN NOT NULL DEFAULT FALSE;
