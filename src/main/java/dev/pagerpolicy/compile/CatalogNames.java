package dev.pagerpolicy.compile;

import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.CatalogLoader;
import dev.pagerpolicy.source.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the catalog names rules write against the policies, so that a misspelled or removed name fails
 * {@code check}, start-up and reload instead of a rule that silently never fires. Names are read where rules
 * state them as text: look-ups ({@code $catalog.team("rides-sre")}) and comparisons with an entity's name
 * ({@code Service( tier.name == "tier-4" )}, read from Drools' parse tree). Also refuses patterns on types that are
 * never facts.
 */
final class CatalogNames {
    private enum Kind {
        TEAM("team", CatalogLoader.TEAMS), SERVICE("service", CatalogLoader.SERVICES),
        TIER("SLA tier", CatalogLoader.TIERS), MODEL("model", CatalogLoader.MODELS);

        final String label;
        final String file;

        Kind(String label, String file) {
            this.label = label;
            this.file = file;
        }
    }

    private static final Pattern LOOKUP = Pattern.compile("\\.\\s*(team|service|tier|model)\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern NAME_COMPARISON =
            Pattern.compile("(?:(\\w+)\\s*\\.\\s*)?\\bname\\s*==\\s*\"([^\"]*)\"");
    /** Which kind of entity {@code Type( property.name == "x" )} names, by the type and the property. */
    private static final Map<String, Map<String, Kind>> PROPERTIES = Map.of(
            "Team", Map.of("", Kind.TEAM),
            "SlaTier", Map.of("", Kind.TIER),
            "Service", Map.of("", Kind.SERVICE, "tier", Kind.TIER, "onCallTeam", Kind.TEAM, "devTeam", Kind.TEAM,
                    "dataTeam", Kind.TEAM),
            "Model", Map.of("", Kind.MODEL, "service", Kind.SERVICE, "mlTeam", Kind.TEAM, "dataScienceTeam", Kind.TEAM));

    private CatalogNames() {
    }

    static List<Problem> check(List<RuleFile> files, Catalog catalog, Path policiesDir) {
        List<Problem> problems = new ArrayList<>();
        for (RuleFile file : files) {
            String code = DrlText.withoutComments(file.text());
            Matcher lookups = LOOKUP.matcher(code);
            while (lookups.find()) {
                Kind kind = Kind.valueOf(lookups.group(1).toUpperCase(java.util.Locale.ROOT));
                require(kind, lookups.group(2), catalog, file, DrlText.lineAt(code, lookups.start(2)), policiesDir, problems);
            }
            ParsedDrl.of(file).ifPresent(tree -> {
                for (ParsedDrl.Rule rule : tree.rules()) {
                    for (ParsedDrl.Pattern pattern : rule.patterns()) {
                        comparedNames(pattern, catalog, file, policiesDir, problems);
                        if (pattern.type().equals("Team") && !pattern.fromSource()) {
                            problems.add(new Problem(file.path(), pattern.line(), "rule \"" + rule.name()
                                    + "\": Team is never a fact, so this rule would never fire; reach a team through"
                                    + " Service, Model or the catalog: $catalog : Catalog() ... $catalog.team(\""
                                    + exampleName(pattern) + "\")"));
                        }
                    }
                }
            });
        }
        return problems;
    }

    /** {@code Service( tier.name == "tier-4" )}: each name a constraint compares an entity's name with. */
    private static void comparedNames(ParsedDrl.Pattern pattern, Catalog catalog, RuleFile file, Path policiesDir,
                                      List<Problem> problems) {
        Map<String, Kind> properties = PROPERTIES.get(pattern.type());
        if (properties == null) {
            return;
        }
        for (ParsedDrl.Constraint constraint : pattern.constraints()) {
            Matcher names = NAME_COMPARISON.matcher(constraint.text());
            while (names.find()) {
                Kind kind = properties.get(names.group(1) == null ? "" : names.group(1));
                if (kind != null) {
                    require(kind, names.group(2), catalog, file, constraint.line(), policiesDir, problems);
                }
            }
        }
    }

    /** The name the pattern compares with, to show the author the look-up that means the same. */
    private static String exampleName(ParsedDrl.Pattern pattern) {
        for (ParsedDrl.Constraint constraint : pattern.constraints()) {
            Matcher name = NAME_COMPARISON.matcher(constraint.text());
            if (name.find()) {
                return name.group(2);
            }
        }
        return "name";
    }

    private static void require(Kind kind, String name, Catalog catalog, RuleFile file, int line, Path policiesDir,
                                List<Problem> problems) {
        Set<String> defined = switch (kind) {
            case TEAM -> catalog.teams().keySet();
            case SERVICE -> catalog.services().keySet();
            case TIER -> catalog.tiers().keySet();
            case MODEL -> catalog.models().keySet();
        };
        if (!defined.contains(name)) {
            problems.add(new Problem(file.path(), line, kind.label + " \"" + name + "\" is not defined in "
                    + policiesDir.resolve(kind.file)));
        }
    }
}
