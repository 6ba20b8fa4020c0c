package org.ecx.consultation;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns silence past {@code replyDueAt} into DEEMED_NO_OBJECTION (SPEC §5). Safe with several ECX instances:
 * {@link ConsultationService#deemOverdue(int)} claims rows with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
class ConsultationScheduler {

    static final int BATCH = 200;

    @Inject
    ConsultationService service;

    @Scheduled(every = "${ecx.consultations.deem-check-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "30s")
    void run() {
        while (service.deemOverdue(BATCH) == BATCH) {
            // next batch
        }
    }
}
