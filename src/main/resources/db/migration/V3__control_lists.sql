-- Harmonized control lists (SPEC §6): lists, the states that edit them, editions with their entries and
-- renumbering tables, national correlations, and the commit-ordered change log of the lists.

-- The EU dual-use list also carries items from the Chemical Weapons Convention (e.g. 1C450); entries name
-- their regime, so the convention is reference data like the other regimes.
INSERT INTO regime (code, name) VALUES ('CWC', 'Chemical Weapons Convention') ON CONFLICT (code) DO NOTHING;

CREATE TABLE control_list (
    id         varchar(32) PRIMARY KEY CHECK (id ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$'),
    name       varchar(200) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Which states' list-editors may publish editions and correlations of a list: data, not code.
CREATE TABLE control_list_editor (
    list_id    varchar(32) NOT NULL REFERENCES control_list (id),
    state_code varchar(2)  NOT NULL REFERENCES partner_state (code),
    PRIMARY KEY (list_id, state_code)
);

-- Ids are drawn by the importer before the edition row is written (its metadata may follow the entries in
-- a streamed JSON body), hence a plain sequence and deferred foreign keys from entries and renumberings.
CREATE SEQUENCE control_list_edition_id_seq;

CREATE TABLE control_list_edition (
    id               bigint PRIMARY KEY,
    list_id          varchar(32) NOT NULL REFERENCES control_list (id),
    edition          varchar(32) NOT NULL CHECK (edition ~ '^[0-9A-Za-z][0-9A-Za-z._-]*$'),
    title            varchar(200),
    effective_date   date NOT NULL,
    status           varchar(16) NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    entry_count      integer NOT NULL,
    created_at       timestamptz NOT NULL,
    created_by_state varchar(2) NOT NULL,
    published_at     timestamptz,
    version          bigint NOT NULL DEFAULT 0,
    UNIQUE (list_id, edition)
);
CREATE INDEX control_list_edition_in_force ON control_list_edition (list_id, status, effective_date);

-- Codes sort and compare byte-wise (COLLATE "C"): stable cursor order, and LIKE 'prefix%' uses the index.
CREATE TABLE control_list_entry (
    id          bigserial PRIMARY KEY,
    edition_id  bigint NOT NULL REFERENCES control_list_edition (id) DEFERRABLE INITIALLY DEFERRED,
    code        varchar(64) COLLATE "C" NOT NULL,
    parent_code varchar(64) COLLATE "C",
    category    char(1) NOT NULL,
    grp         char(1) NOT NULL,
    regime      varchar(10) NOT NULL REFERENCES regime (code),
    title       varchar(500) NOT NULL,
    text        text,
    notes       text[] NOT NULL DEFAULT '{}',
    status      varchar(16) NOT NULL CHECK (status IN ('ACTIVE', 'PROVISIONAL', 'RESERVED')),
    review_by   date,
    search      tsvector GENERATED ALWAYS AS
                    (to_tsvector('english'::regconfig, title || ' ' || coalesce(text, ''))) STORED,
    UNIQUE (edition_id, code)
);
CREATE INDEX control_list_entry_parent ON control_list_entry (edition_id, parent_code);
CREATE INDEX control_list_entry_search ON control_list_entry USING gin (search);

-- An edition's explicit renumbering table: codes of the preceding edition that this edition renumbered.
CREATE TABLE control_list_renumbering (
    edition_id bigint NOT NULL REFERENCES control_list_edition (id) DEFERRABLE INITIALLY DEFERRED,
    position   integer NOT NULL,
    from_code  varchar(64) COLLATE "C" NOT NULL,
    to_code    varchar(64) COLLATE "C" NOT NULL,
    PRIMARY KEY (edition_id, position),
    UNIQUE (edition_id, from_code, to_code)
);

-- A state's national codes and the harmonized codes they correspond to (replaced as a whole by PUT).
CREATE TABLE control_list_correlation (
    list_id    varchar(32) NOT NULL REFERENCES control_list (id),
    state_code varchar(2)  NOT NULL REFERENCES partner_state (code),
    updated_at timestamptz NOT NULL,
    updated_by varchar(200) NOT NULL,
    version    bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (list_id, state_code)
);

CREATE TABLE control_list_correlation_mapping (
    list_id         varchar(32) NOT NULL,
    state_code      varchar(2)  NOT NULL,
    position        integer NOT NULL,
    national_code   varchar(64) NOT NULL,
    harmonized_code varchar(64) COLLATE "C" NOT NULL,
    note            varchar(500),
    PRIMARY KEY (list_id, state_code, position),
    FOREIGN KEY (list_id, state_code) REFERENCES control_list_correlation (list_id, state_code)
);

-- The change log of all lists, in commit order. A writing transaction takes the next seq from
-- control_list_change_head while holding its row lock until commit (see ChangeLog), so seqs become visible
-- in increasing order without gaps and a reader following the cursor never skips a change.
CREATE TABLE control_list_change_head (
    id       bigint PRIMARY KEY CHECK (id = 1),
    last_seq bigint NOT NULL
);
INSERT INTO control_list_change_head (id, last_seq) VALUES (1, 0);

CREATE TABLE control_list_change (
    seq        bigint PRIMARY KEY,
    list_id    varchar(32) NOT NULL REFERENCES control_list (id),
    type       varchar(32) NOT NULL,
    edition    varchar(32),
    state_code varchar(2),
    at         timestamptz NOT NULL
);
CREATE INDEX control_list_change_list ON control_list_change (list_id, seq);
