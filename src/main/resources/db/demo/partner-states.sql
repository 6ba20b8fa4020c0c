-- Demo partner states of SPEC §1 (local runs and tests only; never loaded in production).
INSERT INTO partner_state (code, name, active) VALUES
    ('DE', 'Germany', true),
    ('FR', 'France', true),
    ('JP', 'Japan', true),
    ('US', 'United States', true),
    ('IN', 'India', true)
ON CONFLICT (code) DO NOTHING;

INSERT INTO regime_membership (state_code, regime_code) VALUES
    ('DE', 'WA'), ('DE', 'NSG'), ('DE', 'AG'), ('DE', 'MTCR'), ('DE', 'EU'),
    ('FR', 'WA'), ('FR', 'NSG'), ('FR', 'AG'), ('FR', 'MTCR'), ('FR', 'EU'),
    ('JP', 'WA'), ('JP', 'NSG'), ('JP', 'AG'), ('JP', 'MTCR'),
    ('US', 'WA'), ('US', 'NSG'), ('US', 'AG'), ('US', 'MTCR'),
    ('IN', 'WA'), ('IN', 'AG'), ('IN', 'MTCR')
ON CONFLICT DO NOTHING;
