-- What the speaker has been told. An automatic recovery (a journal set aside, a snapshot restored, a database that
-- could not be restored) stays a pending notice, shown at the top of the app, until the speaker dismisses it.
-- data_warning names a reason to worry beyond the notice itself: 'snapshot_lacks_user_data' when the restored snapshot
-- holds no talk, run or attempt although the damaged file shows the database held some.
ALTER TABLE recovery_events ADD COLUMN acknowledged_at TEXT;
ALTER TABLE recovery_events ADD COLUMN data_warning TEXT CHECK (data_warning IS NULL OR data_warning IN ('snapshot_lacks_user_data'));

-- Pending notices are few and read on every start of the app: found through the index, never by a scan.
CREATE INDEX idx_recovery_events_pending ON recovery_events (acknowledged_at, detected_at);
