-- Denial notifications (SPEC §3). The current content of a denial is kept as JSON (the full, unredacted
-- record; redaction happens on every read), every version in denial_version, and the columns needed to
-- filter, order and check visibility in relational form.

CREATE TABLE denial (
    id                    uuid PRIMARY KEY,
    seq                   bigserial NOT NULL UNIQUE,          -- stable list order and cursor
    notifying_state       varchar(2) NOT NULL REFERENCES partner_state (code),
    national_reference    varchar(100) NOT NULL,
    decision_type         varchar(32) NOT NULL,
    decision_date         date NOT NULL,
    notified_at           timestamptz NOT NULL,
    review_due_at         timestamptz NOT NULL,
    status                varchar(20) NOT NULL CHECK (status IN ('ACTIVE', 'RENEWED', 'REVOKED')),
    destination_country   varchar(2),
    dist_scope            varchar(20) NOT NULL CHECK (dist_scope IN ('ALL_PARTNERS', 'REGIME', 'STATES', 'ORIGINATOR')),
    dist_regime           varchar(10) REFERENCES regime (code),
    version               integer NOT NULL,
    updated_at            timestamptz NOT NULL,
    revoked_at            timestamptz,
    overdue_recorded_for  timestamptz,                         -- review_due_at for which the overdue event was recorded
    body                  jsonb NOT NULL,
    CONSTRAINT denial_reference_unique UNIQUE (notifying_state, national_reference),
    CONSTRAINT denial_regime_scope CHECK ((dist_scope = 'REGIME') = (dist_regime IS NOT NULL))
);
CREATE INDEX denial_updated ON denial (updated_at);
CREATE INDEX denial_review_due ON denial (review_due_at) WHERE status <> 'REVOKED';
CREATE INDEX denial_scope ON denial (dist_scope, dist_regime);

-- Recipients of STATES-scoped denials.
CREATE TABLE denial_recipient (
    denial_id uuid NOT NULL REFERENCES denial (id),
    state     varchar(2) NOT NULL,
    PRIMARY KEY (denial_id, state)
);
CREATE INDEX denial_recipient_state ON denial_recipient (state, denial_id);

-- Relational copies of the current items and parties, for filters and (later) screening.
CREATE TABLE denial_item (
    denial_id     uuid NOT NULL REFERENCES denial (id),
    idx           integer NOT NULL,
    control_entry varchar(64) NOT NULL,
    PRIMARY KEY (denial_id, idx)
);
CREATE INDEX denial_item_entry ON denial_item (control_entry text_pattern_ops);

CREATE TABLE denial_party (
    denial_id uuid NOT NULL REFERENCES denial (id),
    idx       integer NOT NULL,
    role      varchar(20) NOT NULL,
    name      varchar(300) NOT NULL,
    country   varchar(2),
    PRIMARY KEY (denial_id, idx)
);
CREATE INDEX denial_party_country ON denial_party (country);

-- Every version of every denial, never updated or deleted.
CREATE TABLE denial_version (
    denial_id   uuid NOT NULL REFERENCES denial (id),
    version     integer NOT NULL,
    change_type varchar(20) NOT NULL,
    changed_at  timestamptz NOT NULL,
    changed_by  varchar(200) NOT NULL,
    body        jsonb NOT NULL,
    PRIMARY KEY (denial_id, version)
);

-- Idempotency-Key of POST /denials, per state.
CREATE TABLE denial_idempotency (
    state        varchar(2) NOT NULL,
    key          varchar(200) NOT NULL,
    request_hash varchar(64) NOT NULL,
    -- deferred: the key is claimed first (serializing retries), the denial inserted after it
    denial_id    uuid NOT NULL REFERENCES denial (id) DEFERRABLE INITIALLY DEFERRED,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (state, key)
);
