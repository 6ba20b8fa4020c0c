-- Commit order without a shared lock (ADR 0007) and tamper evidence against the application's own role.
--
-- Writers insert audit events and feed changes with no sequence number; each row records the writing
-- transaction (xid). The sequencer (one active instance, PostgreSQL advisory lock) later "seals" the rows
-- whose transactions are older than the oldest one still running: it assigns seq (gap-free, in order of
-- xid then insertion id) and, for audit events, the keyed hash chain. Readers see sealed rows only.
--
-- Placeholder ${appRole}: the application's database role (quarkus.flyway.placeholders.appRole). This
-- migration runs as the owner role (quarkus.flyway.username); the application role gets only what it needs.

-- ------------------------------------------------------------------ audit_event: unsealed rows
DROP TRIGGER audit_event_append_only ON audit_event;
DROP TRIGGER audit_event_no_truncate ON audit_event;

ALTER TABLE audit_event ADD COLUMN id bigint;
UPDATE audit_event SET id = seq;
CREATE SEQUENCE audit_event_id_seq OWNED BY audit_event.id;
SELECT setval('audit_event_id_seq', greatest((SELECT max(id) FROM audit_event), 0) + 1, false);
ALTER TABLE audit_event DROP CONSTRAINT audit_event_pkey;
ALTER TABLE audit_event ALTER COLUMN id SET DEFAULT nextval('audit_event_id_seq'),
    ALTER COLUMN id SET NOT NULL,
    ALTER COLUMN seq DROP NOT NULL,
    ALTER COLUMN previous_hash DROP NOT NULL,
    ALTER COLUMN hash DROP NOT NULL,
    ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    -- when the row was written (database clock), for the sequencer's lag metric; not part of the hash
    ADD COLUMN inserted_at timestamptz NOT NULL DEFAULT clock_timestamp();
ALTER TABLE audit_event ADD PRIMARY KEY (id);
ALTER TABLE audit_event ADD CONSTRAINT audit_event_seq UNIQUE (seq);
ALTER TABLE audit_event ADD CONSTRAINT audit_event_sealed
    CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (previous_hash IS NULL));
CREATE INDEX audit_event_unsealed ON audit_event (xid, id) WHERE seq IS NULL;

-- Events sealed before this migration were hashed with plain SHA-256; later ones with HMAC-SHA256 under a
-- key held outside the database (ecx.audit.hash-key).
ALTER TABLE audit_head ADD COLUMN keyed_after bigint NOT NULL DEFAULT 0;
UPDATE audit_head SET keyed_after = last_seq;

-- Append-only, except that the sequencer fills in the seal columns of an unsealed row, once.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
            AND NEW.id = OLD.id AND NEW.xid = OLD.xid AND NEW.inserted_at = OLD.inserted_at
            AND NEW.at = OLD.at AND NEW.actor = OLD.actor AND NEW.action = OLD.action
            AND NEW.record_type = OLD.record_type
            AND NEW.actor_state IS NOT DISTINCT FROM OLD.actor_state
            AND NEW.record_id IS NOT DISTINCT FROM OLD.record_id
            AND NEW.owner_state IS NOT DISTINCT FROM OLD.owner_state THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only (only unsealed rows may be sealed, once)', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- Signed checkpoints of the chain head (Ed25519), written by the sequencer; auditors fetch and keep them.
CREATE TABLE audit_checkpoint (
    seq        bigint PRIMARY KEY,
    hash       varchar(64) NOT NULL,
    at         timestamptz NOT NULL,
    key_id     varchar(64) NOT NULL,
    signature  varchar(200) NOT NULL
);
CREATE TRIGGER audit_checkpoint_append_only
    BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate
    BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- ------------------------------------------------------------------ feed_change: unsealed rows
DROP TRIGGER feed_change_append_only ON feed_change;
ALTER TABLE webhook_delivery DROP CONSTRAINT webhook_delivery_feed_seq_fkey;

ALTER TABLE feed_change ADD COLUMN id bigint;
UPDATE feed_change SET id = seq;
CREATE SEQUENCE feed_change_id_seq OWNED BY feed_change.id;
SELECT setval('feed_change_id_seq', greatest((SELECT max(id) FROM feed_change), 0) + 1, false);
ALTER TABLE feed_change DROP CONSTRAINT feed_change_pkey;
ALTER TABLE feed_change ALTER COLUMN id SET DEFAULT nextval('feed_change_id_seq'),
    ALTER COLUMN id SET NOT NULL,
    ALTER COLUMN seq DROP NOT NULL,
    ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    ADD COLUMN inserted_at timestamptz NOT NULL DEFAULT clock_timestamp();
ALTER TABLE feed_change ADD PRIMARY KEY (id);
ALTER TABLE feed_change ADD CONSTRAINT feed_change_seq UNIQUE (seq);
CREATE INDEX feed_change_unsealed ON feed_change (xid, id) WHERE seq IS NULL;
ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_feed_seq_fkey
    FOREIGN KEY (feed_seq) REFERENCES feed_change (seq);

CREATE FUNCTION feed_change_sealed_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
            AND NEW.id = OLD.id AND NEW.xid = OLD.xid AND NEW.inserted_at = OLD.inserted_at
            AND NEW.at = OLD.at AND NEW.record_type = OLD.record_type AND NEW.record_id = OLD.record_id
            AND NEW.change_type = OLD.change_type AND NEW.audience = OLD.audience
            AND NEW.record_uuid IS NOT DISTINCT FROM OLD.record_uuid
            AND NEW.record_version IS NOT DISTINCT FROM OLD.record_version
            AND NEW.owner_state IS NOT DISTINCT FROM OLD.owner_state
            AND NEW.party_a IS NOT DISTINCT FROM OLD.party_a
            AND NEW.party_b IS NOT DISTINCT FROM OLD.party_b
            AND NEW.payload IS NOT DISTINCT FROM OLD.payload THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'feed_change is append-only (only unsealed rows may be sealed, once)';
END;
$$;
CREATE TRIGGER feed_change_append_only
    BEFORE UPDATE OR DELETE ON feed_change
    FOR EACH ROW EXECUTE FUNCTION feed_change_sealed_once();
DROP FUNCTION feed_change_append_only();

-- ------------------------------------------------------------------ privileges of the application role
-- Everything this migration's role owns is usable by the application, except the audit tables, where the
-- application may insert events, read them, and fill in the seal columns only (no DELETE, no TRUNCATE, and
-- not being the owner it cannot drop the triggers above). Tables of later migrations get the same defaults.
-- Skipped where the application role runs the migrations itself (an owner can always grant itself back).
DO $$
BEGIN
    IF current_user = '${appRole}' THEN
        RAISE NOTICE 'migrating as the application role: it keeps owning the tables (see docs/operations.md)';
        RETURN;
    END IF;
    GRANT USAGE ON SCHEMA public TO ${appRole};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${appRole};
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${appRole};
    ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${appRole};
    ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${appRole};

    REVOKE ALL ON audit_event, audit_head, audit_checkpoint, feed_change, flyway_schema_history FROM ${appRole};
    GRANT SELECT, INSERT ON audit_event TO ${appRole};
    GRANT UPDATE (seq, previous_hash, hash) ON audit_event TO ${appRole};
    GRANT SELECT, UPDATE ON audit_head TO ${appRole};
    GRANT SELECT, INSERT ON audit_checkpoint TO ${appRole};
    GRANT SELECT ON flyway_schema_history TO ${appRole};
    GRANT SELECT, INSERT ON feed_change TO ${appRole};
    GRANT UPDATE (seq) ON feed_change TO ${appRole};
END
$$;
