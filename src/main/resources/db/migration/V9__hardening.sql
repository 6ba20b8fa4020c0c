-- Issue 11: public statistics are published as dated snapshots (finding 6). One row per period: computed once,
-- the first time the period's statistics are asked for, and never changed afterwards, so that polling does not
-- reveal each new denial by differencing.
CREATE TABLE statistics_snapshot (
    as_of        timestamptz PRIMARY KEY,   -- start of the period: counts cover denials notified before it
    body         jsonb       NOT NULL,      -- the published PublicStatistics
    computed_at  timestamptz NOT NULL
);
