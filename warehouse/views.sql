-- The views users query. scrapeline runs this file after every commit, once the `*_all`
-- views (every committed Parquet file of a table, all versions) have been rebuilt.

-- Newest loaded version of each source.
CREATE OR REPLACE VIEW articles AS
SELECT *
FROM articles_all
QUALIFY row_number() OVER (PARTITION BY source ORDER BY ingested_at DESC, run_id DESC) = 1;

-- Comments of the article versions shown in `articles`.
CREATE OR REPLACE VIEW comments AS
SELECT c.*
FROM comments_all AS c
SEMI JOIN articles AS a ON c.article_id = a.article_id AND c.run_id = a.run_id;

-- Every quarantined input or row ever, with the run that resolved it (null while unresolved).
CREATE OR REPLACE VIEW rejects_all AS
SELECT p.*, r.resolved_by_run, r.resolved_at
FROM _rejects_parts AS p
LEFT JOIN (
    SELECT reject_id, resolved_by_run, resolved_at
    FROM resolutions_all
    QUALIFY row_number() OVER (PARTITION BY reject_id ORDER BY resolved_at) = 1
) AS r ON p.reject_id = r.reject_id;

-- Quarantined inputs and rows not yet resolved: what still needs a fix.
CREATE OR REPLACE VIEW rejects AS
SELECT * FROM rejects_all WHERE resolved_by_run IS NULL;

-- One row per run.
CREATE OR REPLACE VIEW runs AS
SELECT * FROM runs_all;

-- Every input file seen by a run, and what became of it (loaded, unchanged, rejected).
CREATE OR REPLACE VIEW inputs AS
SELECT * FROM inputs_all;

-- The raw layer: newest version of every input record (a file, or record N of a JSONL/CSV/WARC
-- file as `source#N`), with its cleaned text and metadata. `duplicate_of` names the source that
-- already holds the same text (such a page is not loaded as an article again).
CREATE OR REPLACE VIEW pages AS
SELECT *
FROM pages_all
QUALIFY row_number() OVER (PARTITION BY source ORDER BY ingested_at DESC, run_id DESC) = 1;
