-- Partner registry, regimes and the hash-chained audit log.

CREATE TABLE regime (
    code varchar(10) PRIMARY KEY,
    name varchar(200) NOT NULL
);

CREATE TABLE partner_state (
    code       varchar(2) PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
    name       varchar(100) NOT NULL,
    active     boolean NOT NULL DEFAULT true,
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint NOT NULL DEFAULT 0
);

CREATE TABLE regime_membership (
    state_code  varchar(2) NOT NULL REFERENCES partner_state (code),
    regime_code varchar(10) NOT NULL REFERENCES regime (code),
    PRIMARY KEY (state_code, regime_code)
);
CREATE INDEX regime_membership_regime ON regime_membership (regime_code, state_code);

-- The regimes themselves are reference data, not demo data.
INSERT INTO regime (code, name) VALUES
    ('WA', 'Wassenaar Arrangement'),
    ('NSG', 'Nuclear Suppliers Group'),
    ('AG', 'Australia Group'),
    ('MTCR', 'Missile Technology Control Regime'),
    ('EU', 'European Union');

CREATE TABLE audit_event (
    seq           bigint PRIMARY KEY,
    at            timestamptz NOT NULL,
    actor_state   varchar(2),
    actor         varchar(200) NOT NULL,
    action        varchar(64) NOT NULL,
    record_type   varchar(32) NOT NULL,
    record_id     varchar(100),
    owner_state   varchar(2),
    previous_hash varchar(64) NOT NULL,
    hash          varchar(64) NOT NULL
);
CREATE INDEX audit_event_actor_state ON audit_event (actor_state, seq);
CREATE INDEX audit_event_owner_state ON audit_event (owner_state, seq);
CREATE INDEX audit_event_record ON audit_event (record_type, record_id, seq);

CREATE TABLE audit_head (
    id        bigint PRIMARY KEY CHECK (id = 1),
    last_seq  bigint NOT NULL,
    last_hash varchar(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, repeat('0', 64));

-- Append-only: the application never updates or deletes audit events. Tampering by someone who can
-- disable this trigger is still detected by GET /audit/verify.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
