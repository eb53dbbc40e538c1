-- A peer review remembers the digest of what was imported (the pack id and the review's content), so importing the
-- same review again, from the pack or from the viewer's review file, is recognised and changes nothing. Reviews
-- imported before this step have none: at worst one of them can be imported once more.
ALTER TABLE peer_reviews ADD COLUMN review_sha256 TEXT
  CHECK (review_sha256 IS NULL OR (length(review_sha256) = 64 AND review_sha256 NOT GLOB '*[^0-9a-f]*'));

CREATE UNIQUE INDEX idx_peer_reviews_digest ON peer_reviews (review_sha256);
