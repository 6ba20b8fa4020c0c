package org.ecx.consultation;

/**
 * Lifecycle of a consultation (SPEC §5; docs/consultations.md):
 * <pre>
 * AWAITING_REPLY ──reply NEEDS_INFORMATION──▶ INFORMATION_REQUESTED ──reply OBJECTS|NO_OBJECTION──▶ ANSWERED
 *       │  └──────reply OBJECTS|NO_OBJECTION──────────────────────────────────────────────────▶ ANSWERED
 *       └──(either waiting state) replyDueAt passes, scheduler──▶ DEEMED_NO_OBJECTION
 * any state but CLOSED ──outcome──▶ CLOSED
 * </pre>
 * Replies and extensions are accepted only while waiting (AWAITING_REPLY, INFORMATION_REQUESTED) and before
 * {@code replyDueAt}; LICENCE_GRANTED only once a final position exists (ANSWERED or DEEMED_NO_OBJECTION);
 * LICENCE_DENIED and WITHDRAWN at any time before CLOSED. Everything else is 409.
 */
public enum ConsultationState {
    AWAITING_REPLY, INFORMATION_REQUESTED, ANSWERED, DEEMED_NO_OBJECTION, CLOSED;

    public boolean waiting() {
        return this == AWAITING_REPLY || this == INFORMATION_REQUESTED;
    }
}
