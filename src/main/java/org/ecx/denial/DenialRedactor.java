package org.ecx.denial;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ecx.access.DistributionScope;

/**
 * The one redaction mechanism for denials (SPEC §2): every read path builds its {@link DenialView} here.
 * The originator sees everything. Any other viewer (already known to see the record) gets each sensitive
 * field only when its group is released to it both by the version being shown and by the denial's current
 * releasability (so narrowing a release also hides older versions); withheld fields are absent and listed
 * in {@code redactions}. Co-recipients and releasability lists are never shown to non-originators, not even
 * through an undercut notice of a {@code STATES} denial.
 */
@ApplicationScoped
class DenialRedactor {

    /**
     * @param status  the status to show (the effective status for the current version, the recorded one for
     *                history)
     * @param notices the denial's undercut notices, shown to every viewer that sees the denial; on a
     *                {@code STATES} denial the granting state (and the consultation) only to the originator and
     *                to the granting state, since it would reveal a co-recipient (issue 11)
     */
    public DenialView view(UUID id, String notifyingState, int version, DenialSnapshot snapshot,
            Releasability current, DenialStatus status, String viewer, List<UndercutNotice> notices) {
        List<UndercutNotice> undercuts = notices == null ? List.of() : List.copyOf(notices);
        DenialRequest c = snapshot.content();
        if (viewer.equals(notifyingState)) {
            return new DenialView(id, notifyingState, c.nationalReference(), c.regimeReferences(), c.decisionType(),
                    c.decisionDate(), snapshot.notifiedAt(), snapshot.reviewDueAt(), status, c.items(), c.parties(),
                    c.destinationCountry(), c.endUse(), c.reasons(), c.rationale(), c.contact(),
                    c.licenceApplicationRef(), c.distribution(), c.releasabilityOrDefault(), snapshot.revocation(),
                    version, snapshot.updatedAt(), List.of(), undercuts);
        }
        Releasability shown = c.releasabilityOrDefault();
        Releasability now = current == null ? shown : current.normalized();
        List<String> redactions = new ArrayList<>();

        boolean addresses = released(SensitiveGroup.ADDRESSES, shown, now, viewer);
        boolean identifiers = released(SensitiveGroup.IDENTIFIERS, shown, now, viewer);
        List<DenialRequest.Party> parties = new ArrayList<>();
        for (int i = 0; i < c.parties().size(); i++) {
            DenialRequest.Party p = c.parties().get(i);
            if (!addresses) {
                redactions.add("parties[" + i + "].address");
            }
            if (!identifiers) {
                redactions.add("parties[" + i + "].identifiers");
            }
            parties.add(new DenialRequest.Party(p.role(), p.name(), p.aliases(), addresses ? p.address() : null,
                    p.country(), identifiers ? p.identifiers() : null));
        }

        boolean quantities = released(SensitiveGroup.QUANTITIES, shown, now, viewer);
        List<DenialRequest.Item> items = new ArrayList<>();
        for (int i = 0; i < c.items().size(); i++) {
            DenialRequest.Item it = c.items().get(i);
            if (!quantities) {
                redactions.add("items[" + i + "].quantity");
                redactions.add("items[" + i + "].value");
            }
            items.add(new DenialRequest.Item(it.controlEntry(), it.listEdition(), it.description(),
                    quantities ? it.quantity() : null, quantities ? it.value() : null));
        }

        boolean rationale = released(SensitiveGroup.RATIONALE, shown, now, viewer);
        if (!rationale) {
            redactions.add("rationale");
        }
        boolean contact = released(SensitiveGroup.CONTACT, shown, now, viewer);
        if (!contact) {
            redactions.add("contact");
        }
        boolean licence = released(SensitiveGroup.LICENCE, shown, now, viewer);
        if (!licence) {
            redactions.add("licenceApplicationRef");
        }
        Revocation revocation = snapshot.revocation();
        if (revocation != null && !rationale) {
            revocation = new Revocation(revocation.at(), null);
            redactions.add("revocation.reason");
        }
        if (c.distribution().scope() == DistributionScope.STATES) {
            // the recipients of a STATES denial are secret (SPEC §2): another state's undercut would name a
            // co-recipient, so only the granting state itself sees its name (the originator sees all, above)
            List<UndercutNotice> shownNotices = new ArrayList<>();
            for (int i = 0; i < undercuts.size(); i++) {
                UndercutNotice n = undercuts.get(i);
                if (n.grantingState().equals(viewer)) {
                    shownNotices.add(n);
                } else {
                    shownNotices.add(n.withoutGrantingState());
                    redactions.add("undercutNotices[" + i + "].grantingState");
                    redactions.add("undercutNotices[" + i + "].consultationId");
                }
            }
            undercuts = List.copyOf(shownNotices);
        }
        return new DenialView(id, notifyingState, c.nationalReference(), c.regimeReferences(), c.decisionType(),
                c.decisionDate(), snapshot.notifiedAt(), snapshot.reviewDueAt(), status, items, parties,
                c.destinationCountry(), c.endUse(), c.reasons(), rationale ? c.rationale() : null,
                contact ? c.contact() : null, licence ? c.licenceApplicationRef() : null,
                c.distribution().scopeOnly(), null, revocation, version, snapshot.updatedAt(),
                List.copyOf(redactions), undercuts);
    }

    private static boolean released(SensitiveGroup group, Releasability shown, Releasability current,
            String viewer) {
        return shown.of(group).releasedTo(viewer) && current.of(group).releasedTo(viewer);
    }

    /** The status a reader sees now: stored ACTIVE/RENEWED become REVIEW_OVERDUE once the review is due. */
    public static DenialStatus effectiveStatus(DenialStatus stored, Instant reviewDueAt, Instant now) {
        if (stored != DenialStatus.REVOKED && !reviewDueAt.isAfter(now)) {
            return DenialStatus.REVIEW_OVERDUE;
        }
        return stored;
    }
}
