-- Global database: the profiles on this machine, machine-wide settings, and the record of every recovery.
-- Ids are immutable (they name folders), so every ON UPDATE is RESTRICT: rewriting an id is a bug, never a feature.

CREATE TABLE profiles (
  id             TEXT PRIMARY KEY
                 CHECK (length(id) = 37 AND substr(id, 1, 5) = 'prof_' AND substr(id, 6) NOT GLOB '*[^0-9a-f]*'),
  name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80 AND name = trim(name)),
  -- Case-folded name (full Unicode folding, computed by the app), so "Émile" and "émile" collide; SQLite's NOCASE folds ASCII only.
  name_key       TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  last_opened_at TEXT,
  is_active      INTEGER NOT NULL DEFAULT 0 CHECK (is_active IN (0, 1))
) STRICT;

CREATE UNIQUE INDEX idx_profiles_name_key ON profiles (name_key);
-- At most one active profile, enforced by the schema rather than by app code.
CREATE UNIQUE INDEX idx_profiles_one_active ON profiles (is_active) WHERE is_active = 1;
-- profile_list orders by creation; "newest remaining becomes active" reads the other end.
CREATE INDEX idx_profiles_created ON profiles (created_at);

CREATE TABLE global_settings (
  key        TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 160),
  value_json TEXT NOT NULL CHECK (json_valid(value_json)),
  updated_at TEXT NOT NULL
) STRICT;

-- One row per automatic or operator recovery. No FK to profiles on purpose: the history of a profile's
-- recoveries outlives the profile row (support may need it after a delete).
CREATE TABLE recovery_events (
  id                   TEXT PRIMARY KEY CHECK (length(id) = 36 AND substr(id, 1, 4) = 'rec_' AND substr(id, 5) NOT GLOB '*[^0-9a-f]*'),
  scope                TEXT NOT NULL CHECK (scope IN ('global', 'profile')),
  profile_id           TEXT,
  reason               TEXT NOT NULL,
  outcome              TEXT NOT NULL,
  detected_at          TEXT NOT NULL,
  snapshot_name        TEXT,
  snapshot_created_at  TEXT,
  quarantine_name      TEXT,
  CHECK ((scope = 'global') = (profile_id IS NULL))
) STRICT;

CREATE INDEX idx_recovery_events_detected ON recovery_events (detected_at);
CREATE INDEX idx_recovery_events_profile_detected ON recovery_events (profile_id, detected_at);
