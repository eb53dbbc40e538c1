-- Practice sessions of the whole profile by time, whatever the talk: the streak and the week are read newest first and
-- stop as soon as they have what they need, and "practice since the last run" finds the last run through the index,
-- instead of scanning every run and quest attempt on each Training view.
CREATE INDEX idx_runs_created ON runs (created_at);
CREATE INDEX idx_attempts_created ON quest_attempts (created_at);
