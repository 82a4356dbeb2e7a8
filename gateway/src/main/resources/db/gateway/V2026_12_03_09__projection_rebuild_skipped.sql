-- Events a rebuild could not handle (as the live projection could not, which dead-lettered them): how many, and the
-- first few as JSON.
ALTER TABLE projection_rebuild ADD COLUMN skipped_events BIGINT NOT NULL DEFAULT 0;
ALTER TABLE projection_rebuild ADD COLUMN skipped TEXT;
