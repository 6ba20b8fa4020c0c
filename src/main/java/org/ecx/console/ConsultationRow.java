package org.ecx.console;

import java.time.Instant;
import org.ecx.access.Caller;
import org.ecx.consultation.ConsultationState;
import org.ecx.consultation.ConsultationView;

/**
 * A consultation as the inbox shows it to one state: which direction, whether its reply is overdue or was deemed
 * "no objection", and which forms the viewer's state and roles may use (the service decides again on submit).
 */
public record ConsultationRow(ConsultationView c, boolean outgoing, boolean overdue, boolean deemed,
        boolean canReply, boolean canExtend, boolean canDecide) {

    static ConsultationRow of(ConsultationView c, Caller caller, Viewer viewer, Instant now) {
        boolean outgoing = caller.isOf(c.consultingState());
        boolean waiting = c.state().waiting();
        boolean beforeDeadline = now.isBefore(c.replyDueAt());
        return new ConsultationRow(c, outgoing, waiting && !beforeDeadline,
                c.state() == ConsultationState.DEEMED_NO_OBJECTION,
                !outgoing && waiting && beforeDeadline && viewer.can("CONSULTATION_REPLY"),
                !outgoing && waiting && beforeDeadline && viewer.can("CONSULTATION_EXTEND"),
                outgoing && c.state() != ConsultationState.CLOSED && viewer.can("CONSULTATION_OUTCOME"));
    }
}
