package org.ecx.denial;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The current state of a denial. {@link #body} holds the originator's full content (never served as is);
 * the other columns serve ordering, filters and the visibility predicate of {@link DenialVisibility}.
 */
@Entity
@Table(name = "denial")
public class Denial extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Creation order, assigned by the database; lists are ordered by it. */
    @Column(insertable = false, updatable = false)
    @org.hibernate.annotations.Generated
    public Long seq;

    @Column(name = "notifying_state", nullable = false, length = 2)
    public String notifyingState;

    @Column(name = "national_reference", nullable = false, length = 100)
    public String nationalReference;

    @Column(name = "decision_type", nullable = false, length = 32)
    public String decisionType;

    @Column(name = "decision_date", nullable = false)
    public LocalDate decisionDate;

    @Column(name = "notified_at", nullable = false)
    public Instant notifiedAt;

    @Column(name = "review_due_at", nullable = false)
    public Instant reviewDueAt;

    /** Stored status: ACTIVE, RENEWED or REVOKED (REVIEW_OVERDUE is derived). */
    @Column(nullable = false, length = 20)
    public String status;

    @Column(name = "destination_country", length = 2)
    public String destinationCountry;

    @Column(name = "dist_scope", nullable = false, length = 20)
    public String distScope;

    @Column(name = "dist_regime", length = 10)
    public String distRegime;

    @ElementCollection
    @CollectionTable(name = "denial_recipient", joinColumns = @JoinColumn(name = "denial_id"))
    @Column(name = "state", length = 2)
    public Set<String> recipients = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "denial_item", joinColumns = @JoinColumn(name = "denial_id"))
    @OrderColumn(name = "idx")
    public List<ItemRow> items = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "denial_party", joinColumns = @JoinColumn(name = "denial_id"))
    @OrderColumn(name = "idx")
    public List<PartyRow> parties = new ArrayList<>();

    @Column(nullable = false)
    public int version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "overdue_recorded_for")
    public Instant overdueRecordedFor;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String body;

    @Embeddable
    public static class ItemRow {
        @Column(name = "control_entry", nullable = false, length = 64)
        public String controlEntry;

        public ItemRow() {
        }

        public ItemRow(String controlEntry) {
            this.controlEntry = controlEntry;
        }
    }

    @Embeddable
    public static class PartyRow {
        @Column(nullable = false, length = 20)
        public String role;

        @Column(nullable = false, length = 300)
        public String name;

        @Column(length = 2)
        public String country;

        public PartyRow() {
        }

        public PartyRow(String role, String name, String country) {
            this.role = role;
            this.name = name;
            this.country = country;
        }
    }
}
