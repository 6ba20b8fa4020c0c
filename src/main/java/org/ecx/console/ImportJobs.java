package org.ecx.console;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.ecx.access.Caller;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.ecx.common.Problem;
import org.ecx.controllist.EditionImporter;
import org.ecx.controllist.EditionView;
import org.jboss.logging.Logger;

/**
 * Edition imports started from the console, run one at a time off the request thread so that the officer sees
 * them progress (bytes of the file read, which is how far the importer has got: it writes entries as it reads)
 * and then their result. A job is kept in this instance's memory for {@link #KEPT} after it ends and is shown only
 * to the officer who started it.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);

    static final Duration KEPT = Duration.ofMinutes(30);
    static final int MAX_JOBS = 200;

    @Inject
    EditionImporter importer;

    @Inject
    Clock clock;

    /** The worker thread has no request of its own: the importer's beans get a request context for the job. */
    @Inject
    RequestContextController requestContext;

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ecx-console-import");
        t.setDaemon(true);
        return t;
    });

    /** One import: who started it, how far the file has been read, and (when ended) its outcome. */
    public static final class Job {
        final String id;
        final String owner;
        final String listId;
        final String edition;
        final long size;
        final Instant startedAt;
        final AtomicLong read = new AtomicLong();
        volatile Pages.ImportOutcome outcome;
        volatile Instant endedAt;

        Job(String id, String owner, String listId, String edition, long size, Instant startedAt) {
            this.id = id;
            this.owner = owner;
            this.listId = listId;
            this.edition = edition;
            this.size = size;
            this.startedAt = startedAt;
        }

        public String id() {
            return id;
        }

        public String listId() {
            return listId;
        }

        public String edition() {
            return edition;
        }

        public boolean running() {
            return outcome == null;
        }

        public Pages.ImportOutcome outcome() {
            return outcome;
        }

        /** Per cent of the file read (0–100); 100 while the last entries are stored. */
        public int percent() {
            return size <= 0 ? 0 : (int) Math.min(100, read.get() * 100 / size);
        }

        public long read() {
            return read.get();
        }

        public long size() {
            return size;
        }
    }

    /** Starts importing a copy of {@code file} (the copy is deleted when the job ends); returns the job's id. */
    public String start(Caller caller, String listId, EditionImporter.QueryFields fields, Path file)
            throws IOException {
        Path own = Files.createTempFile("ecx-console-import-", ".csv");
        Files.copy(file, own, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        forgetEnded();
        Job job = new Job(UUID.randomUUID().toString(), owner(caller), listId, fields.edition(), Files.size(own),
                clock.instant());
        jobs.put(job.id, job);
        worker.submit(() -> run(job, caller, fields, own));
        return job.id;
    }

    /** The caller's own job; another officer's, an ended-and-forgotten or an unknown one is 404. */
    public Job get(Caller caller, String id) {
        Job job = id == null ? null : jobs.get(id);
        if (job == null || !job.owner.equals(owner(caller))) {
            throw EcxException.notFound();
        }
        return job;
    }

    private void run(Job job, Caller caller, EditionImporter.QueryFields fields, Path file) {
        requestContext.activate();
        try (InputStream body = new Counting(Files.newInputStream(file), job.read)) {
            EditionView created = importer.importCsv(caller, job.listId, fields, body, StandardCharsets.UTF_8);
            job.outcome = new Pages.ImportOutcome(job.listId, created, null);
        } catch (EcxException e) {
            job.outcome = new Pages.ImportOutcome(job.listId, null, Problem.of(e.code(), e.getMessage(), e.errors()));
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "console import %s into %s failed", job.id, job.listId);
            job.outcome = new Pages.ImportOutcome(job.listId, null, Problem.of(ErrorCode.INTERNAL,
                    "The import failed; nothing was stored.", List.of()));
        } finally {
            job.endedAt = clock.instant();
            requestContext.deactivate();
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans it up
            }
        }
    }

    private void forgetEnded() {
        Instant before = clock.instant().minus(KEPT);
        for (Iterator<Job> it = jobs.values().iterator(); it.hasNext();) {
            Job j = it.next();
            if (j.endedAt != null && (j.endedAt.isBefore(before) || jobs.size() > MAX_JOBS)) {
                it.remove();
            }
        }
    }

    private static String owner(Caller caller) {
        return caller.state() + "/" + caller.actor();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Counts the bytes the importer has read. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
