-- Every ECX instance keeps the partner registry in memory (PartnerRegistry) so that authorizing a request
-- needs no database connection. Any change to states, memberships or regimes, by whichever instance or by
-- hand, notifies the channel ecx_registry after commit; each instance listens on it and reloads.
CREATE FUNCTION ecx_registry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ecx_registry', TG_TABLE_NAME);
    RETURN NULL;
END;
$$;

CREATE TRIGGER partner_state_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON partner_state
    FOR EACH STATEMENT EXECUTE FUNCTION ecx_registry_changed();
CREATE TRIGGER regime_membership_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regime_membership
    FOR EACH STATEMENT EXECUTE FUNCTION ecx_registry_changed();
CREATE TRIGGER regime_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regime
    FOR EACH STATEMENT EXECUTE FUNCTION ecx_registry_changed();
