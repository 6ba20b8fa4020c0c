package org.ecx.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A partner state in the registry, with its current regime memberships. */
@Entity
@Table(name = "partner_state")
public class PartnerState extends PanacheEntityBase {

    @Id
    @Column(length = 2)
    public String code;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(nullable = false)
    public boolean active;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "regime_membership", joinColumns = @JoinColumn(name = "state_code"))
    @Column(name = "regime_code", length = 10)
    public Set<String> regimes = new TreeSet<>();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
