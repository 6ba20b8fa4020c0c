package org.ecx.controllist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One edition of a list. Its entries ({@link ControlListEntry}) never change after the import; only the
 * status moves DRAFT → PUBLISHED. The id is drawn from {@code control_list_edition_id_seq} by the importer.
 */
@Entity
@Table(name = "control_list_edition")
public class ControlListEdition extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "list_id", nullable = false, length = 32)
    public String listId;

    @Column(nullable = false, length = 32)
    public String edition;

    @Column(length = 200)
    public String title;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public EditionStatus status;

    @Column(name = "entry_count", nullable = false)
    public int entryCount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by_state", nullable = false, length = 2)
    public String createdByState;

    @Column(name = "published_at")
    public Instant publishedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "control_list_renumbering", joinColumns = @JoinColumn(name = "edition_id"))
    @OrderColumn(name = "position")
    public List<Renumbering> renumbered = new ArrayList<>();

    @Version
    public long version;

    public boolean isPublished() {
        return status == EditionStatus.PUBLISHED;
    }

    public static Optional<ControlListEdition> find(String listId, String edition) {
        return find("listId = ?1 and edition = ?2", listId, edition).firstResultOptional();
    }

    /** The published edition in force on {@code date}: the latest effective date on or before it. */
    public static Optional<ControlListEdition> inForce(String listId, LocalDate date) {
        return find("listId = ?1 and status = ?2 and effectiveDate <= ?3 order by effectiveDate desc, publishedAt desc",
                listId, EditionStatus.PUBLISHED, date).firstResultOptional();
    }
}
