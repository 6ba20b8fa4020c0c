-- Screening retrieval for 1,000,000 parties and more (docs/adr/0008-screening-index.md).
--
-- The trigram index of V4 (screening_name) is replaced by an in-process index per ECX instance
-- (org.ecx.screening.ScreeningIndex, Apache Lucene) that is rebuilt at startup from screening_entry and
-- catches up from it before every screening. screening_entry holds, per denial, the names and aliases of
-- its CURRENT version's parties; it is written in the denial's own transaction, and each row carries the id
-- of the transaction that wrote it (pg_current_xact_id()). An instance remembers the snapshot of its last
-- catch-up (pg_current_snapshot()) and next reads the rows whose writing transaction was not visible in it
-- (pg_visible_in_snapshot), so a row committed out of xid order is never skipped.
CREATE TABLE screening_entry (
    denial_id uuid PRIMARY KEY REFERENCES denial (id),
    parties   jsonb NOT NULL,                                  -- [{"name": …, "aliases": [...]}, …] in party order
    xid       xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX screening_entry_xid ON screening_entry (xid);

INSERT INTO screening_entry (denial_id, parties)
SELECT d.id, coalesce((SELECT jsonb_agg(jsonb_build_object('name', p -> 'name',
                                                          'aliases', CASE jsonb_typeof(p -> 'aliases')
                                                                     WHEN 'array' THEN p -> 'aliases'
                                                                     ELSE '[]'::jsonb END)
                                        ORDER BY i)
                       FROM jsonb_array_elements(d.body -> 'content' -> 'parties') WITH ORDINALITY AS x (p, i)),
                      '[]'::jsonb)
FROM denial d;

DROP TABLE screening_name;
DROP FUNCTION screening_similar(text, text);
DROP FUNCTION screening_word_similar(text, text);
