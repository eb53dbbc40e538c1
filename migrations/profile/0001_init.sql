-- Profile database: one speaker's talks, practice and feedback.
--
-- FK policy (chosen per edge, see docs/architecture.md "Profile schema"):
-- * ON UPDATE RESTRICT everywhere: ids are immutable and double as file names; rewriting one is a bug.
-- * A talk owns its outline, runs and quest attempts: ON DELETE CASCADE.
-- * A run or attempt owns its feedback; feedback owns its note; a run owns its peer reviews: ON DELETE CASCADE.
-- * Media references (audio, transcript) are optional: deleting the artifact row sets them NULL (SET NULL).
-- * Feedback and peer-review JSON artifacts are the record itself: their artifact cannot go first (RESTRICT).
-- * Quests are a catalogue: a quest with attempts cannot be deleted (RESTRICT); retire it instead.
-- Every FK child column has an index so that parent deletes and joins never scan.

CREATE TABLE talk_projects (
  id                  TEXT PRIMARY KEY
                      CHECK (length(id) = 37 AND substr(id, 1, 5) = 'proj_' AND substr(id, 6) NOT GLOB '*[^0-9a-f]*'),
  title               TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  audience            TEXT CHECK (audience IS NULL OR length(audience) <= 240),
  goal                TEXT CHECK (goal IS NULL OR length(goal) <= 1000),
  duration_target_sec INTEGER CHECK (duration_target_sec IS NULL OR duration_target_sec > 0),
  talk_number         INTEGER CHECK (talk_number IS NULL OR talk_number > 0),
  stage               TEXT NOT NULL DEFAULT 'draft'
                      CHECK (stage IN ('draft', 'builder', 'train', 'export', 'peer_review')),
  is_training         INTEGER NOT NULL DEFAULT 0 CHECK (is_training IN (0, 1)),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  CHECK (is_training = 0 OR talk_number IS NULL)
) STRICT;

-- At most one hidden training talk.
CREATE UNIQUE INDEX idx_talk_projects_one_training ON talk_projects (is_training) WHERE is_training = 1;
-- Talk numbers are unique, so two concurrent creates cannot both take "max + 1".
CREATE UNIQUE INDEX idx_talk_projects_number ON talk_projects (talk_number) WHERE talk_number IS NOT NULL;
-- project_list: non-training talks, most recently updated first.
CREATE INDEX idx_talk_projects_training_updated ON talk_projects (is_training, updated_at);

CREATE TABLE talk_outlines (
  project_id TEXT PRIMARY KEY REFERENCES talk_projects (id) ON DELETE CASCADE ON UPDATE RESTRICT,
  outline_md TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE active_state (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  active_project_id TEXT REFERENCES talk_projects (id) ON DELETE SET NULL ON UPDATE RESTRICT
) STRICT;

CREATE INDEX idx_active_state_project ON active_state (active_project_id);

-- The single row exists from the start, so services only ever UPDATE it.
INSERT INTO active_state (id, active_project_id) VALUES (1, NULL);

-- The quest catalogue. Rows are seeded and updated by versioned migration steps (catalogue_version says which);
-- a quest is retired, never deleted, because attempts reference it.
CREATE TABLE quests (
  code                TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 16 AND code NOT GLOB '*[^A-Z0-9_]*'),
  category            TEXT NOT NULL
                      CHECK (category IN ('start', 'structure', 'delivery', 'pacing', 'fillers', 'closing', 'qa', 'free')),
  output_type         TEXT NOT NULL CHECK (output_type IN ('text', 'audio')),
  estimated_sec       INTEGER NOT NULL CHECK (estimated_sec > 0),
  targets_issues_json TEXT NOT NULL CHECK (json_valid(targets_issues_json) AND json_type(targets_issues_json) = 'array'),
  title_en            TEXT NOT NULL CHECK (length(title_en) > 0),
  title_fr            TEXT NOT NULL CHECK (length(title_fr) > 0),
  prompt_en           TEXT NOT NULL CHECK (length(prompt_en) > 0),
  prompt_fr           TEXT NOT NULL CHECK (length(prompt_fr) > 0),
  sort_order          INTEGER NOT NULL,
  catalogue_version   INTEGER NOT NULL CHECK (catalogue_version > 0),
  retired             INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) STRICT;

CREATE TABLE artifacts (
  -- art_ for stored files, pack_ for exported packs (the pack id doubles as its artifact id); 32 lowercase hex either way.
  id            TEXT PRIMARY KEY
                CHECK ((length(id) = 36 AND substr(id, 1, 4) = 'art_' AND substr(id, 5) NOT GLOB '*[^0-9a-f]*')
                    OR (length(id) = 37 AND substr(id, 1, 5) = 'pack_' AND substr(id, 6) NOT GLOB '*[^0-9a-f]*')),
  -- The type is a folder name under artifacts/: lowercase letters and underscores only.
  type          TEXT NOT NULL CHECK (length(type) BETWEEN 1 AND 32 AND type NOT GLOB '*[^a-z_]*'),
  local_relpath TEXT NOT NULL UNIQUE,
  sha256        TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  bytes         INTEGER NOT NULL CHECK (bytes >= 0),
  created_at    TEXT NOT NULL,
  metadata_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata_json))
) STRICT;

CREATE INDEX idx_artifacts_sha ON artifacts (sha256);
-- The startup sweep looks for files older than an hour without a row; diagnostics walk rows by age.
CREATE INDEX idx_artifacts_type_created ON artifacts (type, created_at);

CREATE TABLE runs (
  id                TEXT PRIMARY KEY
                    CHECK (length(id) = 36 AND substr(id, 1, 4) = 'run_' AND substr(id, 5) NOT GLOB '*[^0-9a-f]*'),
  project_id        TEXT NOT NULL REFERENCES talk_projects (id) ON DELETE CASCADE ON UPDATE RESTRICT,
  created_at        TEXT NOT NULL,
  audio_artifact_id TEXT REFERENCES artifacts (id) ON DELETE SET NULL ON UPDATE RESTRICT,
  transcript_id     TEXT REFERENCES artifacts (id) ON DELETE SET NULL ON UPDATE RESTRICT
) STRICT;

CREATE INDEX idx_runs_project_time ON runs (project_id, created_at);
CREATE INDEX idx_runs_audio ON runs (audio_artifact_id);
CREATE INDEX idx_runs_transcript ON runs (transcript_id);

CREATE TABLE quest_attempts (
  id                TEXT PRIMARY KEY
                    CHECK (length(id) = 36 AND substr(id, 1, 4) = 'att_' AND substr(id, 5) NOT GLOB '*[^0-9a-f]*'),
  project_id        TEXT NOT NULL REFERENCES talk_projects (id) ON DELETE CASCADE ON UPDATE RESTRICT,
  quest_code        TEXT NOT NULL REFERENCES quests (code) ON DELETE RESTRICT ON UPDATE RESTRICT,
  created_at        TEXT NOT NULL,
  output_text       TEXT,
  audio_artifact_id TEXT REFERENCES artifacts (id) ON DELETE SET NULL ON UPDATE RESTRICT,
  transcript_id     TEXT REFERENCES artifacts (id) ON DELETE SET NULL ON UPDATE RESTRICT
) STRICT;

CREATE INDEX idx_attempts_project_time ON quest_attempts (project_id, created_at);
CREATE INDEX idx_attempts_quest ON quest_attempts (quest_code);
-- One attempt per recording: quest_submit_audio upserts by audio, and the schema holds it to that.
CREATE UNIQUE INDEX idx_attempts_audio ON quest_attempts (audio_artifact_id) WHERE audio_artifact_id IS NOT NULL;
CREATE INDEX idx_attempts_transcript ON quest_attempts (transcript_id);

-- Feedback belongs to exactly one subject, a run or a quest attempt, each a real FK (no free polymorphic id).
-- A subject's current feedback is its newest row; older rows are kept as history after a forced re-analysis.
CREATE TABLE auto_feedback (
  id                        TEXT PRIMARY KEY
                            CHECK (length(id) = 35 AND substr(id, 1, 3) = 'fb_' AND substr(id, 4) NOT GLOB '*[^0-9a-f]*'),
  run_id                    TEXT REFERENCES runs (id) ON DELETE CASCADE ON UPDATE RESTRICT,
  attempt_id                TEXT REFERENCES quest_attempts (id) ON DELETE CASCADE ON UPDATE RESTRICT,
  created_at                TEXT NOT NULL,
  feedback_json_artifact_id TEXT NOT NULL REFERENCES artifacts (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
  overall_score             INTEGER NOT NULL CHECK (overall_score BETWEEN 0 AND 100),
  analyzer_version          INTEGER NOT NULL CHECK (analyzer_version > 0),
  CHECK ((run_id IS NULL) <> (attempt_id IS NULL))
) STRICT;

CREATE INDEX idx_feedback_run_time ON auto_feedback (run_id, created_at);
CREATE INDEX idx_feedback_attempt_time ON auto_feedback (attempt_id, created_at);
CREATE INDEX idx_feedback_created ON auto_feedback (created_at);
CREATE INDEX idx_feedback_artifact ON auto_feedback (feedback_json_artifact_id);

CREATE TABLE feedback_notes (
  feedback_id TEXT PRIMARY KEY REFERENCES auto_feedback (id) ON DELETE CASCADE ON UPDATE RESTRICT,
  note_text   TEXT NOT NULL CHECK (length(note_text) > 0),
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE peer_reviews (
  id                      TEXT PRIMARY KEY
                          CHECK (length(id) = 37 AND substr(id, 1, 5) = 'peer_' AND substr(id, 6) NOT GLOB '*[^0-9a-f]*'),
  run_id                  TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE ON UPDATE RESTRICT,
  created_at              TEXT NOT NULL,
  reviewer_tag            TEXT,
  review_json_artifact_id TEXT NOT NULL REFERENCES artifacts (id) ON DELETE RESTRICT ON UPDATE RESTRICT
) STRICT;

CREATE INDEX idx_peer_reviews_run_time ON peer_reviews (run_id, created_at);
CREATE INDEX idx_peer_reviews_artifact ON peer_reviews (review_json_artifact_id);

CREATE TABLE profile_settings (
  key        TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 160),
  value_json TEXT NOT NULL CHECK (json_valid(value_json)),
  updated_at TEXT NOT NULL
) STRICT;
