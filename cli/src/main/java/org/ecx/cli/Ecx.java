package org.ecx.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ecx}: the jobs people script against an ECX, over its public API only (README, "Use ECX from code").
 * Exit codes: 0 done, 1 the server refused (its problem is printed), 2 bad usage.
 */
@Command(name = "ecx", mixinStandardHelpOptions = true, version = "ecx 0.1.0",
        description = "Command-line tool for ECX (Export Control Exchange).",
        subcommands = {MirrorCommand.class, ImportListCommand.class, ScreenCommand.class,
                CommandLine.HelpCommand.class})
public final class Ecx {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the exit codes and error printing of {@code ecx}. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Ecx());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof EcxApi.ProblemException problem) {
                command.getErr().println("ecx: " + problem.getMessage());
                return 1;
            }
            if (e instanceof java.io.IOException || e instanceof IllegalArgumentException) {
                command.getErr().println("ecx: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli;
    }
}
