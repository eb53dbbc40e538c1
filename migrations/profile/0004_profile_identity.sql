-- Which profile this database belongs to, kept inside the file itself (one row). With it, a profile database in the
-- wrong folder is refused instead of opened, a restore refuses another profile's snapshot, and a profile folder the
-- global database no longer lists (after a global reset or restore) can be adopted again under its own name.
-- Written by the app when the profile is created or first opened, and on rename; never by this step, which cannot
-- know the id.
CREATE TABLE profile_identity (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  profile_id TEXT NOT NULL
             CHECK (length(profile_id) = 37 AND substr(profile_id, 1, 5) = 'prof_' AND substr(profile_id, 6) NOT GLOB '*[^0-9a-f]*'),
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80 AND name = trim(name)),
  created_at TEXT NOT NULL
) STRICT;
