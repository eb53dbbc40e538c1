-- When the speaker first saw each feedback on its review page (the page says so with feedback_mark_opened): the mascot
-- counts only feedback not read yet as "fresh feedback to read". NULL: never opened (all feedback written before this
-- step, and every new analysis until its page is shown).
ALTER TABLE auto_feedback ADD COLUMN opened_at TEXT CHECK (opened_at IS NULL OR length(opened_at) BETWEEN 20 AND 30);
