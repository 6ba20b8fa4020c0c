-- Demo control lists (local runs and tests only; never loaded in production). Loaded by DemoData after
-- partner-states.sql (see ecx.demo.scripts) and idempotent.
--
-- EU-DU and WA-DU start empty (import the real EU list with the converter, docs/control-lists.md).
-- SAMPLE-DU holds one published sample edition written for ECX: realistic codes and hierarchy across the
-- categories 0–9 and groups A–E, but the titles and texts are made up and are NOT any real list's text.

INSERT INTO control_list (id, name) VALUES
    ('EU-DU', 'EU dual-use list (Annex I)'),
    ('WA-DU', 'Wassenaar Arrangement dual-use list'),
    ('SAMPLE-DU', 'ECX sample dual-use list (fictional text, for demos and tests)')
ON CONFLICT (id) DO NOTHING;

-- Which states edit which list: data, not code.
INSERT INTO control_list_editor (list_id, state_code) VALUES
    ('EU-DU', 'DE'), ('EU-DU', 'FR'),
    ('WA-DU', 'DE'), ('WA-DU', 'FR'), ('WA-DU', 'JP'), ('WA-DU', 'US'), ('WA-DU', 'IN'),
    ('SAMPLE-DU', 'DE'), ('SAMPLE-DU', 'FR')
ON CONFLICT DO NOTHING;

DO $$
DECLARE
    eid bigint;
    next_seq bigint;
BEGIN
    IF EXISTS (SELECT 1 FROM control_list_edition WHERE list_id = 'SAMPLE-DU' AND edition = '2025-01') THEN
        RETURN;
    END IF;
    eid := nextval('control_list_edition_id_seq');
    INSERT INTO control_list_edition (id, list_id, edition, title, effective_date, status, entry_count,
                                      created_at, created_by_state, published_at)
    VALUES (eid, 'SAMPLE-DU', '2025-01', 'Sample edition (fictional)', DATE '2025-01-01', 'PUBLISHED', 0,
            now(), 'DE', now());

    INSERT INTO control_list_entry (edition_id, code, parent_code, category, grp, regime, title, text, notes, status, review_by)
    SELECT eid, e.code, e.parent_code, substr(e.code, 1, 1), substr(e.code, 2, 1), e.regime, e.title, e.text,
           e.notes, e.status, e.review_by
    FROM (VALUES
        ('0A001', NULL, 'NSG', 'Reactor assemblies and parts made for them', 'Reactor assemblies, and parts designed for them, as set out in the sub-items.', '{}'::text[], 'ACTIVE', NULL::date),
        ('0A001.a', '0A001', 'NSG', 'Complete reactor assemblies', 'Assemblies able to sustain a controlled chain reaction.', '{}', 'ACTIVE', NULL),
        ('0A001.b', '0A001', 'NSG', 'Pressure vessels for reactor cores', 'Vessels, or large prefabricated parts of them, built to hold a reactor core.', '{"Sample note: vessel heads count as major parts."}', 'ACTIVE', NULL),
        ('0B001', NULL, 'NSG', 'Isotope separation plant', 'Plant for separating isotopes of uranium, and equipment designed for it.', '{}', 'ACTIVE', NULL),
        ('0B001.a', '0B001', 'NSG', 'Gas centrifuge separation plant', 'Plant using rotating cylinders to separate isotopes in gaseous form.', '{}', 'ACTIVE', NULL),
        ('0C001', NULL, 'NSG', 'Natural and depleted uranium', 'Uranium in any physical or chemical form, above the sample threshold of this list.', '{}', 'ACTIVE', NULL),
        ('0D001', NULL, 'NSG', 'Software for category 0 equipment', 'Software designed for the development or production of items in 0A or 0B.', '{}', 'ACTIVE', NULL),
        ('0E001', NULL, 'NSG', 'Technology for category 0 items', 'Technology for the development, production or use of items in 0A to 0C.', '{}', 'ACTIVE', NULL),
        ('1A001', NULL, 'WA', 'Fluoropolymer seals and gaskets', 'Seals, gaskets and bladders made of fluorinated polymers for aircraft or space use.', '{}', 'ACTIVE', NULL),
        ('1B001', NULL, 'WA', 'Equipment for making composite structures', 'Machines for producing fibre-reinforced structures and preforms.', '{}', 'ACTIVE', NULL),
        ('1B001.a', '1B001', 'WA', 'Filament winding machines', 'Winding machines with three or more coordinated, programmable axes.', '{}', 'ACTIVE', NULL),
        ('1C001', NULL, 'WA', 'Radar-absorbing materials', 'Materials that absorb electromagnetic waves, and intrinsically conductive polymers.', '{}', 'ACTIVE', NULL),
        ('1C001.a', '1C001', 'WA', 'Broadband absorbers', 'Absorbers for frequencies between 2 GHz and 300 GHz.', '{"Sample note: paint-on coatings are included."}', 'ACTIVE', NULL),
        ('1C350', NULL, 'AG', 'Chemical weapon precursors', 'Chemicals usable as precursors for toxic chemical agents, as listed below.', '{}', 'ACTIVE', NULL),
        ('1C350.1', '1C350', 'AG', 'Precursor chemical, sample item 1', 'A placeholder precursor of the sample list.', '{}', 'ACTIVE', NULL),
        ('1C350.2', '1C350', 'AG', 'Precursor chemical, sample item 2', 'A second placeholder precursor of the sample list.', '{}', 'ACTIVE', NULL),
        ('2B001', NULL, 'WA', 'Material-removal machine tools', 'Machine tools for removing or cutting metals, ceramics or composites.', '{}', 'ACTIVE', NULL),
        ('2B001.a', '2B001', 'WA', 'Turning machines', 'Lathes and turning centres with numerical control.', '{}', 'ACTIVE', NULL),
        ('2B001.a.1', '2B001.a', 'WA', 'High-precision turning machines', 'Turning machines positioning to 6 micrometres or better along a linear axis.', '{}', 'ACTIVE', NULL),
        ('2E001', NULL, 'WA', 'Development technology for category 2 equipment', 'Technology for the development of equipment or software in 2A, 2B or 2D.', '{}', 'ACTIVE', NULL),
        ('3A001', NULL, 'WA', 'Electronic items', 'Electronic components and assemblies, as set out in the sub-items.', '{}', 'ACTIVE', NULL),
        ('3A001.a', '3A001', 'WA', 'General-purpose integrated circuits', 'Integrated circuits of the kinds listed below.', '{"Sample note: the status of a circuit follows from its design, not its use."}', 'ACTIVE', NULL),
        ('3A001.a.1', '3A001.a', 'WA', 'Radiation-hardened integrated circuits', 'Circuits designed or rated to withstand radiation as in the sub-items.', '{}', 'ACTIVE', NULL),
        ('3A001.a.1.a', '3A001.a.1', 'WA', 'Total-dose hardened circuits', 'Circuits that withstand a large total ionising dose.', '{}', 'ACTIVE', NULL),
        ('3A001.a.1.b', '3A001.a.1', 'WA', 'Dose-rate upset hardened circuits', 'Circuits that keep working through a short, intense dose rate.', '{}', 'ACTIVE', NULL),
        ('3A001.a.2', '3A001.a', 'WA', 'Microprocessors for extreme temperatures', 'Microprocessors rated for operation above 125 degrees Celsius.', '{}', 'PROVISIONAL', DATE '2026-06-30'),
        ('3A001.b', '3A001', 'WA', 'Microwave and millimetre-wave components', 'Amplifiers, mixers and other components working above 3 GHz.', '{}', 'ACTIVE', NULL),
        ('3B001', NULL, 'WA', 'Semiconductor manufacturing equipment', 'Equipment for making semiconductor devices or materials.', '{}', 'ACTIVE', NULL),
        ('3B001.a', '3B001', 'WA', 'Epitaxial growth equipment', 'Equipment for growing crystalline layers on a substrate.', '{}', 'ACTIVE', NULL),
        ('3C001', NULL, 'WA', 'Hetero-epitaxial multilayer materials', 'Substrates carrying stacked epitaxial layers of different materials.', '{}', 'ACTIVE', NULL),
        ('3D001', NULL, 'WA', 'Software for electronics development', 'Software designed for the development or production of items in 3A001 or 3B001.', '{}', 'ACTIVE', NULL),
        ('3E001', NULL, 'WA', 'Technology for electronic items', 'Technology for the development or production of items in 3A or 3B.', '{}', 'ACTIVE', NULL),
        ('4A001', NULL, 'WA', 'Ruggedized computers', 'Electronic computers built for harsh environments.', '{}', 'ACTIVE', NULL),
        ('4A001.a', '4A001', 'WA', 'Computers for extreme temperatures', 'Computers rated for operation below minus 45 or above 85 degrees Celsius.', '{}', 'ACTIVE', NULL),
        ('4D001', NULL, 'WA', 'Software for high-performance computers', 'Software designed for the development of computers in 4A.', '{}', 'ACTIVE', NULL),
        ('5A001', NULL, 'WA', 'Telecommunication systems', 'Telecommunication equipment with the features in the sub-items.', '{}', 'ACTIVE', NULL),
        ('5A002', NULL, 'WA', 'Cryptographic information security items', 'Systems and components whose function includes cryptography.', '{}', 'ACTIVE', NULL),
        ('5A002.a', '5A002', 'WA', 'Strong symmetric encryption items', 'Items using a symmetric algorithm with a key longer than 56 bits.', '{"Sample note: consumer goods are released by a separate note."}', 'ACTIVE', NULL),
        ('5D002', NULL, 'WA', 'Cryptographic software', 'Software with the functions of the items in 5A002.', '{}', 'ACTIVE', NULL),
        ('6A001', NULL, 'WA', 'Acoustic systems', 'Acoustic systems and equipment, as set out in the sub-items.', '{}', 'ACTIVE', NULL),
        ('6A001.a', '6A001', 'WA', 'Marine acoustic systems', 'Systems for detecting or locating objects under water.', '{}', 'ACTIVE', NULL),
        ('6A003', NULL, 'WA', 'High-speed cameras', 'Cameras recording more than a million frames per second.', '{}', 'ACTIVE', NULL),
        ('7A103', NULL, 'MTCR', 'Navigation instrumentation for rockets', 'Instruments and systems for guiding rockets and unmanned aerial vehicles.', '{}', 'ACTIVE', NULL),
        ('8A001', NULL, 'WA', 'Submersible vehicles', 'Crewed or uncrewed vessels able to operate under water.', '{}', 'ACTIVE', NULL),
        ('9A001', NULL, 'WA', 'Aero gas turbine engines', 'Gas turbine engines for aircraft with the features listed.', '{}', 'ACTIVE', NULL),
        ('9A012', NULL, 'WA', 'Unmanned aerial vehicles', 'Unmanned aircraft and their systems, as set out in the sub-items.', '{}', 'ACTIVE', NULL),
        ('9A104', NULL, 'MTCR', 'Sounding rockets', 'Rockets with a range of 300 km or more.', '{}', 'ACTIVE', NULL),
        ('9E003', NULL, 'WA', 'Other gas turbine technology', 'Number kept for future use in the sample list.', '{}', 'RESERVED', NULL)
    ) AS e(code, parent_code, regime, title, text, notes, status, review_by);

    UPDATE control_list_edition SET entry_count = (SELECT count(*) FROM control_list_entry WHERE edition_id = eid)
    WHERE id = eid;

    -- the publication is a change of the list's feed, numbered like every other change (see ChangeLog)
    UPDATE control_list_change_head SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq INTO next_seq;
    INSERT INTO control_list_change (seq, list_id, type, edition, at)
    VALUES (next_seq, 'SAMPLE-DU', 'EDITION_PUBLISHED', '2025-01', now());
END $$;
