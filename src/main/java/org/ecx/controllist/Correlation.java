package org.ecx.controllist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A state's correlation table for one list: its national codes ↔ the list's harmonized codes. */
@Entity
@Table(name = "control_list_correlation")
public class Correlation extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "list_id", length = 32) String listId,
            @Column(name = "state_code", length = 2) String stateCode) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "control_list_correlation_mapping", joinColumns = {
            @JoinColumn(name = "list_id", referencedColumnName = "list_id"),
            @JoinColumn(name = "state_code", referencedColumnName = "state_code")})
    @OrderColumn(name = "position")
    public List<CorrelationMapping> mappings = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    @Version
    public long version;
}
