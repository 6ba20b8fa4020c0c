-- Federation (SPEC §7, §8, §10): mutual recognition, the commit-ordered change feed and webhook push.

-- ------------------------------------------------------------------ mutual recognition (SPEC §7)
CREATE TABLE recognition (
    id                uuid PRIMARY KEY,
    seq               bigserial NOT NULL UNIQUE,              -- stable list order and cursor
    recognizing_state varchar(2) NOT NULL REFERENCES partner_state (code),
    recognized_state  varchar(2) NOT NULL REFERENCES partner_state (code),
    status            varchar(20) NOT NULL CHECK (status IN ('PROPOSED', 'ACTIVE', 'SUSPENDED', 'TERMINATED')),
    effective_from    date NOT NULL,
    effective_to      date,
    dist_scope        varchar(20) NOT NULL CHECK (dist_scope IN ('ALL_PARTNERS', 'REGIME', 'STATES', 'ORIGINATOR')),
    dist_regime       varchar(10) REFERENCES regime (code),
    version           integer NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    body              jsonb NOT NULL,                        -- the recognizing state's full record
    CONSTRAINT recognition_parties CHECK (recognizing_state <> recognized_state),
    CONSTRAINT recognition_period CHECK (effective_to IS NULL OR effective_to >= effective_from),
    CONSTRAINT recognition_regime_scope CHECK ((dist_scope = 'REGIME') = (dist_regime IS NOT NULL))
);
CREATE INDEX recognition_pair ON recognition (recognizing_state, recognized_state);

CREATE TABLE recognition_recipient (
    recognition_id uuid NOT NULL REFERENCES recognition (id),
    state          varchar(2) NOT NULL,
    PRIMARY KEY (recognition_id, state)
);

-- Every status a recognition has had, so that /recognitions/check can answer for past dates.
CREATE TABLE recognition_status_change (
    recognition_id uuid NOT NULL REFERENCES recognition (id),
    version        integer NOT NULL,
    status         varchar(20) NOT NULL,
    at             timestamptz NOT NULL,
    changed_by     varchar(200) NOT NULL,
    reason         varchar(2000),
    PRIMARY KEY (recognition_id, version)
);

-- ------------------------------------------------------------------ change feed (SPEC §8, ADR 0004)
-- seq is assigned under the row lock of feed_head, held by the writing transaction until it commits:
-- numbers follow commit order and have no gaps, so a follower's cursor never skips a change.
CREATE TABLE feed_head (
    id       bigint PRIMARY KEY CHECK (id = 1),
    last_seq bigint NOT NULL
);

CREATE TABLE feed_change (
    seq            bigint PRIMARY KEY,
    at             timestamptz NOT NULL,
    record_type    varchar(32) NOT NULL,
    record_id      varchar(100) NOT NULL,
    record_uuid    uuid,                 -- denials and recognitions: visibility is that of the record NOW
    record_version integer,              -- denials: the denial_version the change refers to
    change_type    varchar(40) NOT NULL,
    -- who may see it: RECORD (the record's own visibility rule), PARTIES (party_a/party_b only),
    -- ALL_PARTNERS (every active partner)
    audience       varchar(20) NOT NULL CHECK (audience IN ('RECORD', 'PARTIES', 'ALL_PARTNERS')),
    owner_state    varchar(2),
    party_a        varchar(2),
    party_b        varchar(2),
    payload        jsonb,                -- recognitions: the full record at the change; others: as published
    CONSTRAINT feed_change_parties CHECK (audience <> 'PARTIES' OR (party_a IS NOT NULL AND party_b IS NOT NULL)),
    CONSTRAINT feed_change_record CHECK (audience <> 'RECORD' OR record_uuid IS NOT NULL)
);
CREATE INDEX feed_change_record ON feed_change (record_type, record_uuid);

-- Feed rows are never updated or deleted.
CREATE FUNCTION feed_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'feed_change is append-only';
END;
$$;
CREATE TRIGGER feed_change_append_only
    BEFORE UPDATE OR DELETE ON feed_change
    FOR EACH ROW EXECUTE FUNCTION feed_change_append_only();

-- Denials written before this migration enter the feed once, in the order they were written.
INSERT INTO feed_change (seq, at, record_type, record_id, record_uuid, record_version, change_type, audience,
                         owner_state)
SELECT row_number() OVER (ORDER BY v.changed_at, d.seq, v.version), v.changed_at, 'DENIAL', d.id::text, d.id,
       v.version, v.change_type, 'RECORD', d.notifying_state
FROM denial_version v JOIN denial d ON d.id = v.denial_id;
INSERT INTO feed_head (id, last_seq) SELECT 1, count(*) FROM feed_change;

-- ------------------------------------------------------------------ webhooks (SPEC §8 push)
CREATE TABLE webhook_subscription (
    id          uuid PRIMARY KEY,
    seq         bigserial NOT NULL UNIQUE,
    state       varchar(2) NOT NULL REFERENCES partner_state (code),
    url         varchar(2000) NOT NULL,
    event_types varchar(200) NOT NULL,       -- comma-separated record types
    secret      varchar(200) NOT NULL,       -- write-only through the API
    active      boolean NOT NULL,
    feed_seq    bigint NOT NULL,             -- last feed position fanned out into deliveries
    created_at  timestamptz NOT NULL,
    created_by  varchar(200) NOT NULL
);
CREATE INDEX webhook_subscription_state ON webhook_subscription (state, seq);

CREATE TABLE webhook_delivery (
    id              bigserial PRIMARY KEY,
    subscription_id uuid NOT NULL REFERENCES webhook_subscription (id),
    feed_seq        bigint NOT NULL REFERENCES feed_change (seq),
    record_type     varchar(32) NOT NULL,
    change_type     varchar(40) NOT NULL,
    status          varchar(20) NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'SKIPPED')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease_until     timestamptz,             -- claimed by a worker until then
    last_attempt_at timestamptz,
    last_status     integer,
    last_error      varchar(500),
    delivered_at    timestamptz,
    created_at      timestamptz NOT NULL,
    CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, feed_seq)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id, id);
