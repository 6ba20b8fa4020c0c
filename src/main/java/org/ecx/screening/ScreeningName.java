package org.ecx.screening;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One indexed name (a party's name or one of its aliases) of a denial's current version. */
@Entity
@Table(name = "screening_name")
public class ScreeningName extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "denial_id", nullable = false)
    public UUID denialId;

    @Column(name = "party_idx", nullable = false)
    public int partyIdx;

    /** -1 for the party's name, otherwise the index of the alias. */
    @Column(name = "alias_idx", nullable = false)
    public int aliasIdx;

    @Column(name = "key_version", nullable = false)
    public int keyVersion;

    @Column(name = "name_key", nullable = false, length = 1000)
    public String nameKey;

    @Column(name = "skeleton_key", nullable = false, length = 1000)
    public String skeletonKey;
}
