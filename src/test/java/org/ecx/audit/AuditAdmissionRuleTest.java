package org.ecx.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the audit window's bound refuses audited reads (ADR 0019), as a pure rule. */
class AuditAdmissionRuleTest {

    @Test
    void readsAreRefusedOnlyWhenTheNextEventIsOlderThanTheBoundAndEnoughEventsWait() {
        assertThat(AuditAdmission.admits(0.2, 1000, 0.5, 5000)).isFalse();
        assertThat(AuditAdmission.admits(0.2, 1000, 0.2, 5000)).as("at the bound").isTrue();
        assertThat(AuditAdmission.admits(0.2, 1000, 0.1, 5000)).as("young backlog").isTrue();
    }

    @Test
    void aFewOldEventsDoNotRefuseReadsBecauseTheSequencerIsNotBehind() {
        assertThat(AuditAdmission.admits(0.2, 1000, 3.0, 999)).isTrue();
        assertThat(AuditAdmission.admits(0.2, 1000, 3.0, 1000)).isFalse();
    }

    @Test
    void aBoundOfZeroTurnsTheCheckOff() {
        assertThat(AuditAdmission.admits(0, 1, 60.0, 1_000_000)).isTrue();
    }
}
