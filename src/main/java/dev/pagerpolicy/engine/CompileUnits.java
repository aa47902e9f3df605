package dev.pagerpolicy.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a rule set into the smallest groups of files that compile on their own, so that editing one file
 * recompiles that file and loads the others from the {@link RuleCache}.
 *
 * <p>A file stands alone unless its package shares something between files: a type ({@code declare}), a
 * {@code function}, a {@code global}, a {@code query}, a rule {@code unit}, or a rule that {@code extends}
 * another. Such a package is compiled as one unit, its files together, where its first file stands.
 */
final class CompileUnits {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern SHARED_DECLARATION = Pattern.compile(
            "^\\s*(?:declare|function|global|query|unit)\\b|^\\s*rule\\s+(?:\"[^\"]*\"|'[^']*'|\\S+)\\s+extends\\b",
            Pattern.MULTILINE);

    private CompileUnits() {
    }

    /** The units of {@code files}, in the order of their first files; together they hold every file once. */
    static List<List<RuleFile>> of(List<RuleFile> files) {
        List<String> packages = new ArrayList<>();
        Set<String> sharing = new HashSet<>();
        for (RuleFile file : files) {
            String code = DrlText.withoutComments(file.text());
            Matcher pkg = PACKAGE.matcher(code);
            packages.add(pkg.find() ? pkg.group(1) : "");
            if (SHARED_DECLARATION.matcher(code).find()) {
                sharing.add(packages.get(packages.size() - 1));
            }
        }
        Map<String, List<RuleFile>> units = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            String pkg = packages.get(i);
            String unit = sharing.contains(pkg) ? "package " + pkg : "file " + i;
            units.computeIfAbsent(unit, k -> new ArrayList<>()).add(files.get(i));
        }
        return List.copyOf(units.values());
    }
}
