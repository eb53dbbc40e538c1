/** SQL of the talk context (profile database): talk_projects, talk_outlines, active_state. */

const PROJECT_COLUMNS = `id, title, audience, goal, duration_target_sec, talk_number, stage, is_training, created_at, updated_at`;

export const SELECT_PROJECT = `SELECT ${PROJECT_COLUMNS} FROM talk_projects WHERE id = ?`;

export const SELECT_TALKS_BY_UPDATE = `
  SELECT ${PROJECT_COLUMNS} FROM talk_projects WHERE is_training = 0 ORDER BY updated_at DESC, rowid DESC`;

export const SELECT_TRAINING_PROJECT = `SELECT ${PROJECT_COLUMNS} FROM talk_projects WHERE is_training = 1`;

export const SELECT_NEXT_TALK_NUMBER = `SELECT coalesce(max(talk_number), 0) + 1 AS next FROM talk_projects`;

export const INSERT_PROJECT = `
  INSERT INTO talk_projects (${PROJECT_COLUMNS})
  VALUES (@id, @title, @audience, @goal, @durationTargetSec, @talkNumber, @stage, @isTraining, @createdAt, @updatedAt)`;

export const UPDATE_PROJECT = `
  UPDATE talk_projects
  SET title = @title, audience = @audience, goal = @goal, duration_target_sec = @durationTargetSec, stage = @stage,
      updated_at = @updatedAt
  WHERE id = @id`;

export const TOUCH_PROJECT = `UPDATE talk_projects SET updated_at = ? WHERE id = ?`;

export const SELECT_ACTIVE_PROJECT_ID = `SELECT active_project_id AS id FROM active_state WHERE id = 1`;

export const SET_ACTIVE_PROJECT = `UPDATE active_state SET active_project_id = ? WHERE id = 1`;

export const SELECT_OUTLINE = `SELECT outline_md AS markdown, updated_at AS updatedAt FROM talk_outlines WHERE project_id = ?`;

export const UPSERT_OUTLINE = `
  INSERT INTO talk_outlines (project_id, outline_md, created_at, updated_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (project_id) DO UPDATE SET outline_md = excluded.outline_md, updated_at = excluded.updated_at`;
