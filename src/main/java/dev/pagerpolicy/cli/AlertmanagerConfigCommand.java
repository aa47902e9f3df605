package dev.pagerpolicy.cli;

import dev.pagerpolicy.importer.AlertmanagerConfig;
import dev.pagerpolicy.importer.DeliveringConfig;
import dev.pagerpolicy.importer.Receivers;
import dev.pagerpolicy.source.InvalidSourceException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code alertmanager-config}: writes the Alertmanager configuration that delivers pager-policy's decisions, a route
 * per receiver of the receivers file by {@code pp_team} and {@code pp_action}, keeping the original configuration's
 * receivers, integrations, templates, inhibit rules and time intervals when one is given.
 */
final class AlertmanagerConfigCommand {
    private final Options options;
    private final PrintStream out;

    AlertmanagerConfigCommand(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    int run() {
        Optional<Path> original = options.optionalConfig();
        Path target = options.outFile();
        DeliveringConfig.Written written;
        try {
            if (original.isPresent()) {
                AlertmanagerConfig.read(original.get()); // its routes and matchers as import reads them, or FILE:LINE
            }
            written = DeliveringConfig.of(Receivers.read(options.receivers()), original);
        } catch (InvalidSourceException e) {
            e.problems().forEach(out::println);
            out.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems") + "; nothing written");
            return Cli.FAILED;
        }
        try {
            Files.writeString(target, written.yaml());
        } catch (IOException e) {
            out.println("error: " + target + " cannot be written: " + e.getMessage());
            return Cli.FAILED;
        }
        written.notes().forEach(note -> out.println("note: " + note));
        out.println("wrote " + target + ": " + written.routes() + " routes by decision (pp_team, pp_action) to the"
                + " receivers of " + options.receivers().getFileName() + original.map(o -> "; alerts without pp_action"
                + " go through the tree of " + o.getFileName() + " as before").orElse("; copies no route takes reach "
                + DeliveringConfig.UNROUTED + " (give it the integrations of your choice)"));
        return Cli.OK;
    }
}
