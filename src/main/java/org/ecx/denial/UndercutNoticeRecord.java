package org.ecx.denial;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Stored undercut notice; read with the denial it belongs to. */
@Entity
@Table(name = "undercut_notice")
public class UndercutNoticeRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "denial_id", nullable = false)
    public UUID denialId;

    @Column(name = "consultation_id", nullable = false, unique = true)
    public UUID consultationId;

    @Column(name = "granting_state", nullable = false, length = 2)
    public String grantingState;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    public UndercutNotice toNotice() {
        return new UndercutNotice(grantingState, grantedAt, consultationId);
    }

    /** The notices of each of the given denials, oldest first (denials without notices are absent). */
    public static Map<UUID, List<UndercutNotice>> byDenial(Collection<UUID> denialIds) {
        Map<UUID, List<UndercutNotice>> result = new HashMap<>();
        if (denialIds.isEmpty()) {
            return result;
        }
        for (UndercutNoticeRecord r : UndercutNoticeRecord.<UndercutNoticeRecord>list(
                "denialId in ?1 order by grantedAt, id", denialIds)) {
            result.computeIfAbsent(r.denialId, k -> new ArrayList<>()).add(r.toNotice());
        }
        return result;
    }
}
