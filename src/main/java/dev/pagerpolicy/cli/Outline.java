package dev.pagerpolicy.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A report for people, as headings with items and sub-items, printed as plain text for a terminal or as
 * Markdown to paste into a code review.
 */
final class Outline {
    private record Line(int depth, String text) {
    }

    private final List<Line> lines = new ArrayList<>();

    Outline heading(String text) {
        lines.add(new Line(0, text));
        return this;
    }

    Outline item(String text) {
        lines.add(new Line(1, text));
        return this;
    }

    Outline subItem(String text) {
        lines.add(new Line(2, text));
        return this;
    }

    /** A report in the format {@code --format} asks for: JSON of the report itself, or its outline as text or Markdown. */
    static void print(Options options, PrintStream out, Object report, Supplier<Outline> outline) {
        if (options.format().equals("json")) {
            out.print(JsonReport.of(report));
        } else {
            outline.get().print(out, options.format().equals("markdown"));
        }
    }

    void print(PrintStream out, boolean markdown) {
        for (Line line : lines) {
            if (markdown) {
                out.println(switch (line.depth()) {
                    case 0 -> "\n### " + line.text() + "\n";
                    case 1 -> "- " + line.text();
                    default -> "  - " + line.text();
                });
            } else {
                out.println("    ".repeat(line.depth()).substring(line.depth() == 0 ? 0 : 2) + line.text());
            }
        }
    }
}
