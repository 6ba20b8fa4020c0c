package org.ecx.controllist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row that hands out change sequence numbers (locked by each writing transaction). */
@Entity
@Table(name = "control_list_change_head")
public class ControlListChangeHead extends PanacheEntityBase {

    public static final long ID = 1L;

    @Id
    public Long id;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;
}
