package org.ecx.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An export-control regime or union (WA, NSG, AG, MTCR, EU, …) whose members may share REGIME-scoped records. */
@Entity
@Table(name = "regime")
public class Regime extends PanacheEntityBase {

    @Id
    @Column(length = 10)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;
}
