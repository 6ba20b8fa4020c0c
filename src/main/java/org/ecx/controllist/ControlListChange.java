package org.ecx.controllist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of a list, numbered in commit order (see {@link ChangeLog}). */
@Entity
@Table(name = "control_list_change")
public class ControlListChange extends PanacheEntityBase {

    @Id
    public long seq;

    @Column(name = "list_id", nullable = false, length = 32)
    public String listId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public ChangeType type;

    @Column(length = 32)
    public String edition;

    @Column(name = "state_code", length = 2)
    public String stateCode;

    @Column(nullable = false)
    public Instant at;
}
