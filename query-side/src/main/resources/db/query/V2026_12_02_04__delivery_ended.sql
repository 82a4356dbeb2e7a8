-- What became of an announcement's message when its stream ended (edited, deleted, or why that failed).
ALTER TABLE delivery_view ADD COLUMN ended TEXT;
