package org.ecx.controllist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A harmonized control list (e.g. {@code EU-DU}) and the states whose list-editors edit it. */
@Entity
@Table(name = "control_list")
public class ControlList extends PanacheEntityBase {

    @Id
    @Column(length = 32)
    public String id;

    @Column(nullable = false, length = 200)
    public String name;

    /** The editing states: data in {@code control_list_editor}, not code. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "control_list_editor", joinColumns = @JoinColumn(name = "list_id"))
    @Column(name = "state_code", length = 2)
    public Set<String> editingStates = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean isEditedBy(String state) {
        return editingStates.contains(state);
    }
}
