package org.ecx.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.control.RequestContextController;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ecx.access.Caller;
import org.ecx.access.Role;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.ecx.controllist.EditionImporter;
import org.ecx.controllist.EditionStatus;
import org.ecx.controllist.EditionView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportJobsTest {

    private static final Caller EDITOR = new Caller("DE", Set.of(Role.LIST_EDITOR), "de-list-editor");
    private static final EditionImporter.QueryFields FIELDS =
            new EditionImporter.QueryFields("E1", "2026-12-01", null, null, List.of());

    @TempDir
    Path tmp;

    private final CountDownLatch halfRead = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ImportJobs jobs = new ImportJobs();
    private Path file;

    @BeforeEach
    void jobsWithAnImporterThatStopsHalfway() throws IOException {
        file = Files.write(tmp.resolve("edition.csv"), new byte[100]);
        jobs.clock = Clock.systemUTC();
        jobs.requestContext = new RequestContextController() {
            @Override
            public boolean activate() {
                return true;
            }

            @Override
            public void deactivate() {
            }
        };
        jobs.importer = new EditionImporter() {
            @Override
            public EditionView importCsv(Caller caller, String listId, QueryFields query, InputStream body,
                    Charset charset) {
                try {
                    body.readNBytes(50);
                    halfRead.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    body.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (query.edition().equals("BAD")) {
                    throw EcxException.invalid("entries[1].code", "line 3: not a control code");
                }
                return new EditionView(listId, query.edition(), null, LocalDate.parse(query.effectiveDate()),
                        EditionStatus.DRAFT, 2, Instant.now(), caller.state(), null, List.of());
            }
        };
    }

    @AfterEach
    void stop() {
        release.countDown();
        jobs.stop();
    }

    @Test
    void aRunningImportShowsHowMuchOfTheFileIsReadAndThenTheDraftItCreated() throws Exception {
        String id = jobs.start(EDITOR, "SAMPLE-DU", FIELDS, file);
        assertThat(halfRead.await(10, TimeUnit.SECONDS)).isTrue();

        ImportJobs.Job job = jobs.get(EDITOR, id);
        assertThat(job.running()).isTrue();
        assertThat(job.percent()).isEqualTo(50);

        release.countDown();
        awaitEnd(job);
        assertThat(job.percent()).isEqualTo(100);
        assertThat(job.outcome().created().edition()).isEqualTo("E1");
        assertThat(job.outcome().problem()).isNull();
    }

    @Test
    void aRejectedImportEndsWithTheProblemAndEveryBadEntry() throws Exception {
        String id = jobs.start(EDITOR, "SAMPLE-DU",
                new EditionImporter.QueryFields("BAD", "2026-12-01", null, null, List.of()), file);
        release.countDown();
        ImportJobs.Job job = jobs.get(EDITOR, id);
        awaitEnd(job);

        assertThat(job.outcome().created()).isNull();
        assertThat(job.outcome().problem().status()).isEqualTo(400);
        assertThat(job.outcome().problem().errors()).extracting(e -> e.field()).containsExactly("entries[1].code");
    }

    @Test
    void onlyTheOfficerWhoStartedAnImportSeesIt() throws Exception {
        String id = jobs.start(EDITOR, "SAMPLE-DU", FIELDS, file);
        Caller colleague = new Caller("DE", Set.of(Role.LIST_EDITOR), "another-editor");
        Caller otherState = new Caller("FR", Set.of(Role.LIST_EDITOR), "de-list-editor");

        for (Caller other : List.of(colleague, otherState)) {
            assertThatThrownBy(() -> jobs.get(other, id)).isInstanceOfSatisfying(EcxException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        }
        assertThatThrownBy(() -> jobs.get(EDITOR, "no-such-job")).isInstanceOf(EcxException.class);
        assertThat(jobs.get(EDITOR, id)).isNotNull();
    }

    private static void awaitEnd(ImportJobs.Job job) throws InterruptedException {
        for (int i = 0; i < 200 && job.running(); i++) {
            Thread.sleep(50);
        }
        assertThat(job.running()).as("the import ended").isFalse();
    }
}
