-- Key numbers of each analysis, copied from its FeedbackV1 when the row is written, so that progress charts and the
-- daily quest read one indexed table instead of opening every feedback JSON file. The JSON artifact stays the record.
ALTER TABLE auto_feedback ADD COLUMN duration_ms INTEGER CHECK (duration_ms IS NULL OR duration_ms >= 0);
ALTER TABLE auto_feedback ADD COLUMN wpm REAL CHECK (wpm IS NULL OR wpm >= 0);
ALTER TABLE auto_feedback ADD COLUMN fillers_per_min REAL CHECK (fillers_per_min IS NULL OR fillers_per_min >= 0);
-- The first top action of the analysis (e.g. reduce_fillers): what the daily quest targets.
ALTER TABLE auto_feedback ADD COLUMN top_action_id TEXT CHECK (top_action_id IS NULL OR length(top_action_id) <= 64);
