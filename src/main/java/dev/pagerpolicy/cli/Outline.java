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
        boolean first = true;
        Line previous = null;
        for (Line line : lines) {
            if (markdown) {
                if (line.depth() == 0) {
                    out.print(first ? "" : "\n");
                    out.println("### " + line.text());
                } else {
                    out.print(previous != null && previous.depth() == 0 ? "\n" : "");
                    out.println((line.depth() == 1 ? "- " : "  - ") + line.text());
                }
            } else {
                out.println("    ".repeat(line.depth()).substring(line.depth() == 0 ? 0 : 2) + line.text());
            }
            first = false;
            previous = line;
        }
    }
}
