package dev.pagerpolicy;

import dev.pagerpolicy.cli.Cli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged app: {@code check} and {@code test} run as commands for CI, without starting
 * the HTTP server or CDI; anything else starts the service.
 */
@QuarkusMain
public class Main {
    public static void main(String... args) {
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.exit(Cli.run(args, System.out));
        }
        Quarkus.run(args);
    }
}
