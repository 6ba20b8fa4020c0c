package org.ecx.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import org.ecx.audit.AuditEventView;
import org.ecx.audit.ChainVerification;
import org.ecx.common.Problem;
import org.ecx.controllist.ControlListView;
import org.ecx.controllist.DiffView;
import org.ecx.controllist.EditionView;
import org.ecx.audit.AccessReceipt;
import org.ecx.denial.DenialHistoryEntry;
import org.ecx.denial.DenialView;
import org.ecx.recognition.RecognitionCheck;
import org.ecx.recognition.RecognitionView;
import org.ecx.screening.ScreeningResult;
import org.ecx.statistics.PublicStatistics;

/** The console's pages (templates/console/*.html), type-checked against these parameters at build time. */
@CheckedTemplate(basePath = "console")
final class Pages {

    private Pages() {
    }

    static native TemplateInstance home();

    static native TemplateInstance signedOut();

    static native TemplateInstance error(Problem problem);

    static native TemplateInstance statistics(PublicStatistics stats, List<Chart> charts);

    static native TemplateInstance screening(ScreeningForm form, ScreeningResult result, Problem problem);

    static native TemplateInstance denials(DenialQuery query, List<DenialView> denials, String nextPage);

    static native TemplateInstance denial(RedactedDenial d, List<DenialHistoryEntry> history,
            List<AccessReceipt> receipts);

    /** The post form ({@code id} null) or the amend form of denial {@code id} at {@code version}. */
    static native TemplateInstance denialForm(DenialForm form, String id, Long version, Problem problem);

    static native TemplateInstance consultations(List<ConsultationRow> rows, String nextPage);

    static native TemplateInstance consultation(ConsultationRow c);

    static native TemplateInstance controlLists(List<ListWithEditions> lists);

    static native TemplateInstance importJob(ImportJobs.Job job);

    static native TemplateInstance edition(EditionBrowse browse);

    static native TemplateInstance diff(DiffView diff);

    static native TemplateInstance audit(List<AuditEventView> events, String nextPage,
            ChainVerification verification);

    static native TemplateInstance recognitions(List<RecognitionView> recognitions, String nextPage,
            RecognitionPage.CheckForm form, RecognitionCheck answer, Problem problem);

    /** A list and the editions the viewer may see. */
    record ListWithEditions(ControlListView list, List<EditionView> editions) {

        /** The newest edition (editions come in the order they were imported): the diff's default "to". */
        public String latest() {
            return editions.isEmpty() ? null : editions.get(editions.size() - 1).edition();
        }

        /** The one before it: the diff's default "from". */
        public String previous() {
            return editions.size() < 2 ? null : editions.get(editions.size() - 2).edition();
        }
    }

    /** What the last import did: the created draft, or the 422 problem with every bad entry. */
    record ImportOutcome(String listId, EditionView created, Problem problem) {
    }
}
