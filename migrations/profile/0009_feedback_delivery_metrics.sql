-- More key numbers of each analysis, copied from its FeedbackV1 like 0003's, so that the pauses, pitch and pace charts
-- read auto_feedback instead of opening every feedback JSON file. The JSON artifact stays the record.
ALTER TABLE auto_feedback ADD COLUMN pauses INTEGER CHECK (pauses IS NULL OR pauses >= 0);
ALTER TABLE auto_feedback ADD COLUMN long_pauses INTEGER CHECK (long_pauses IS NULL OR long_pauses >= 0);
ALTER TABLE auto_feedback ADD COLUMN pitch_variability_semitones REAL
  CHECK (pitch_variability_semitones IS NULL OR pitch_variability_semitones >= 0);
ALTER TABLE auto_feedback ADD COLUMN wpm_whole_run INTEGER CHECK (wpm_whole_run IS NULL OR wpm_whole_run >= 0);
-- Which set of key numbers the row carries: 1 = 0003's (rows written before this step), 2 = 0003's and these. Rows
-- at 1 are filled from their feedback file by code run after migrating (core/feedback/backfill-key-metrics.ts), which
-- a migration cannot do: it reads files.
ALTER TABLE auto_feedback ADD COLUMN key_metrics_version INTEGER NOT NULL DEFAULT 1 CHECK (key_metrics_version IN (1, 2));
-- What the backfill still has to read: empty once it is done, so looking costs nothing at each start.
CREATE INDEX idx_feedback_key_metrics_pending ON auto_feedback (id) WHERE key_metrics_version < 2;
