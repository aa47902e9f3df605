package dev.pagerpolicy;

import dev.pagerpolicy.cli.Cli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged app: without arguments it starts the service; with arguments it runs a command
 * ({@code check}, {@code test}, {@code help}) for CI, without the HTTP server or CDI. A mistyped command is a
 * usage error, never a service started by surprise.
 */
@QuarkusMain
public class Main {
    public static void main(String... args) {
        if (args.length > 0) {
            System.exit(Cli.run(args, System.out));
        }
        Quarkus.run(args);
    }
}
