-- Voice memos: quick recordings not tied to a talk (an idea, a line to try). Each memo owns one audio artifact, which
-- no run or attempt uses (the app checks that when a memo is made); a memo turned into a run of a talk gives its
-- recording to the run and its row goes, in one transaction. Deleting a memo deletes its recording, rows first, file
-- after the commit.
CREATE TABLE voice_memos (
  id                TEXT PRIMARY KEY
                    CHECK (length(id) = 37 AND substr(id, 1, 5) = 'memo_' AND substr(id, 6) NOT GLOB '*[^0-9a-f]*'),
  -- NULL until the speaker names it: the interface shows "Memo of <date>" in the speaker's language meanwhile.
  title             TEXT CHECK (title IS NULL OR (length(title) BETWEEN 1 AND 120 AND title = trim(title))),
  -- RESTRICT: the recording goes with the memo (memo_delete), never from under it. UNIQUE: one memo per recording
  -- (and the index the foreign-key check needs when an artifact row is deleted).
  audio_artifact_id TEXT NOT NULL UNIQUE REFERENCES artifacts (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
  duration_ms       INTEGER NOT NULL CHECK (duration_ms >= 0),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;

-- The list is read newest first, a page at a time.
CREATE INDEX idx_voice_memos_created ON voice_memos (created_at);
