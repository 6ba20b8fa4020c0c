package org.ecx.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ecx mirror}: follow the feed into a directory, resumable from the cursor saved there. */
@Command(name = "mirror", mixinStandardHelpOptions = true,
        description = {"Follow the change feed into a directory: <dir>/<recordType>/<recordId>.json holds the latest"
                + " version of each record as the signed-in state sees it; WITHDRAWN changes delete the copy.",
                "The cursor is saved in <dir>/.cursor after every page: a stopped mirror resumes where it stopped."})
final class MirrorCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Option(names = "--dir", required = true, description = "Mirror directory")
    Path dir;

    @Option(names = "--limit", defaultValue = "200", description = "Page size (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--follow", description = "Keep polling after catching up")
    boolean follow;

    @Option(names = "--poll-seconds", defaultValue = "10", description = "Pause between polls with --follow (default ${DEFAULT-VALUE})")
    long pollSeconds;

    @Override
    public Integer call() throws Exception {
        Mirror mirror = new Mirror(connection.api(), dir, limit, System.out);
        do {
            mirror.syncOnce();
            if (follow) {
                Thread.sleep(pollSeconds * 1000);
            }
        } while (follow);
        return 0;
    }
}
