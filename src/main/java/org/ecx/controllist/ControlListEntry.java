package org.ecx.controllist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One entry of an edition. Read through Hibernate; written only by the importer's JDBC batches
 * ({@link EntryBatchWriter}), hence no id generator here.
 */
@Entity
@Table(name = "control_list_entry")
public class ControlListEntry extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "edition_id", nullable = false)
    public long editionId;

    @Column(nullable = false, length = 64)
    public String code;

    @Column(name = "parent_code", length = 64)
    public String parentCode;

    @Column(nullable = false, length = 1)
    public String category;

    @Column(name = "grp", nullable = false, length = 1)
    public String group;

    @Column(nullable = false, length = 10)
    public String regime;

    @Column(nullable = false, length = 500)
    public String title;

    @Column
    public String text;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] notes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public EntryStatus status;

    @Column(name = "review_by")
    public LocalDate reviewBy;
}
