-- Pre-licence screening (SPEC §4), consultations and undercut notices (SPEC §5).

-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Screening index: one row per party name and per alias of the CURRENT version of every denial, with keys
-- computed by org.ecx.screening.NameNormalizer (transliterated, legal forms removed, romanization variants
-- folded, tokens sorted). Maintained in the same transaction as the denial write; rows of an older
-- key_version are rebuilt at startup. Candidates are found through the trigram indexes, joined with the
-- denial visibility predicate, and scored precisely in Java on the redacted denial.
CREATE TABLE screening_name (
    id           bigserial PRIMARY KEY,
    denial_id    uuid NOT NULL REFERENCES denial (id),
    party_idx    integer NOT NULL,
    alias_idx    integer NOT NULL,           -- -1: the party's name
    key_version  integer NOT NULL,
    name_key     varchar(1000) NOT NULL,     -- phonetic tokens, sorted, space-separated
    skeleton_key varchar(1000) NOT NULL,     -- consonant skeletons of the distinctive tokens
    CONSTRAINT screening_name_unique UNIQUE (denial_id, party_idx, alias_idx)
);
CREATE INDEX screening_name_key_trgm ON screening_name USING gin (name_key gin_trgm_ops);
CREATE INDEX screening_name_skeleton_trgm ON screening_name USING gin (skeleton_key gin_trgm_ops);
CREATE INDEX screening_name_version ON screening_name (key_version);

-- Trigram operators as functions, so that HQL can use them (function('screening_similar', …) = true).
-- Plain SQL functions are inlined by the planner: the GIN indexes above still serve the predicate.
CREATE FUNCTION screening_similar(key text, query text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT $1 % $2 $$;
CREATE FUNCTION screening_word_similar(query text, key text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT $1 <% $2 $$;

-- Consultations (SPEC §5): visible to the consulting and the consulted state only.
CREATE TABLE consultation (
    id                   uuid PRIMARY KEY,
    seq                  bigserial NOT NULL UNIQUE,
    denial_id            uuid NOT NULL REFERENCES denial (id),
    consulting_state     varchar(2) NOT NULL REFERENCES partner_state (code),
    consulted_state      varchar(2) NOT NULL REFERENCES partner_state (code),
    opened_by            varchar(200) NOT NULL,
    opened_at            timestamptz NOT NULL,
    proposed_transaction jsonb NOT NULL,
    question             varchar(4000) NOT NULL,
    reply_working_days   integer NOT NULL,     -- 10 plus every extension granted
    reply_due_at         timestamptz NOT NULL,
    state                varchar(30) NOT NULL CHECK (state IN
                             ('AWAITING_REPLY', 'INFORMATION_REQUESTED', 'ANSWERED', 'DEEMED_NO_OBJECTION', 'CLOSED')),
    position             varchar(30) CHECK (position IN
                             ('OBJECTS', 'NO_OBJECTION', 'NEEDS_INFORMATION', 'DEEMED_NO_OBJECTION')),
    reply_comment        varchar(4000),
    replied_at           timestamptz,
    outcome              varchar(20) CHECK (outcome IN ('LICENCE_GRANTED', 'LICENCE_DENIED', 'WITHDRAWN')),
    outcome_at           timestamptz,
    version              integer NOT NULL,
    updated_at           timestamptz NOT NULL,
    CONSTRAINT consultation_two_states CHECK (consulting_state <> consulted_state)
);
CREATE INDEX consultation_consulting ON consultation (consulting_state, seq);
CREATE INDEX consultation_consulted ON consultation (consulted_state, seq);
CREATE INDEX consultation_due ON consultation (reply_due_at) WHERE state IN ('AWAITING_REPLY', 'INFORMATION_REQUESTED');

-- Undercut notices: a licence granted despite a denial (SPEC §5), shown with the denial to every state that
-- sees it. Nothing of the granting state's licence is stored beyond the state, the date and the consultation.
CREATE TABLE undercut_notice (
    id               uuid PRIMARY KEY,
    denial_id        uuid NOT NULL REFERENCES denial (id),
    consultation_id  uuid NOT NULL UNIQUE REFERENCES consultation (id),
    granting_state   varchar(2) NOT NULL REFERENCES partner_state (code),
    granted_at       timestamptz NOT NULL
);
CREATE INDEX undercut_notice_denial ON undercut_notice (denial_id, granted_at);

-- Screened names, kept ONLY when ecx.screening.audit-names=true (default: not kept; the audit event
-- SCREENING_PERFORMED then records who screened, never what).
CREATE TABLE screening_log (
    id          uuid PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor_state varchar(2) NOT NULL,
    actor       varchar(200) NOT NULL,
    names       jsonb NOT NULL
);
