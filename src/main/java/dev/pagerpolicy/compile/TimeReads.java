package dev.pagerpolicy.compile;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether rules can tell two alert times apart only by what the catalog's calendars say of them: whether they read
 * an alert's {@code firedAt} only as the argument of a team's calendar ({@code isWithinBusinessHours},
 * {@code isHoliday}, {@code holidayAt}, {@code nextBusinessHoursStart}, or a firing alert's {@code awakeAt}) and a
 * firing alert's {@code since} only to
 * compare it with another's, each otherwise only joined into a note's text. Then an exploration may evaluate one
 * time for all the times the calendars answer alike (the analyses read a decision's fields, never its notes).
 * <p>
 * Read from the text, comments and string contents aside, and cautious: any other mention of either field, or of
 * a variable bound to it, answers no, and every time is then evaluated.
 */
final class TimeReads {
    /**
     * Calendars, and a firing alert's {@code awakeAt}: in the explored domain a page already firing went out before
     * the alert or is held until after it, wherever in the week the alert falls, so its answer is the situation's.
     */
    private static final String CALENDAR = "(?:isWithinBusinessHours|isHoliday|holidayAt|nextBusinessHoursStart|awakeAt)";
    private static final String COMPARISON = "(?:<=|>=|==|!=|<|>)";
    private static final Pattern GETTER = Pattern.compile("\\bget(?:FiredAt|Since)\\b");
    private static final Pattern FIELD = Pattern.compile("(?<![$\\w])(firedAt|since)\\b");
    private static final Pattern BINDING = Pattern.compile("(\\$\\w+)\\s*:\\s*$");
    private static final Pattern BARE = Pattern.compile("^(?!\\s*[.(\\[])");
    private static final Pattern CALENDAR_BEFORE = Pattern.compile(CALENDAR + "\\(\\s*$");
    private static final Pattern CLOSING_AFTER = Pattern.compile("^\\s*\\)");
    private static final Pattern COMPARED_AFTER = Pattern.compile("^\\s*" + COMPARISON + "\\s*(\\$\\w+)(?!\\w)");

    private TimeReads() {
    }

    static boolean onlyThroughCalendars(List<RuleFile> files) {
        StringBuilder all = new StringBuilder();
        for (RuleFile file : files) {
            all.append(DrlText.withoutStringContents(DrlText.withoutComments(file.text()))).append('\n');
        }
        String code = all.toString();
        if (GETTER.matcher(code).find()) {
            return false;
        }
        Set<String> firedAtVariables = new HashSet<>();
        Set<String> sinceVariables = new HashSet<>();
        Set<String> comparedWithSince = new HashSet<>();
        Matcher field = FIELD.matcher(code);
        while (field.find()) {
            String before = code.substring(Math.max(0, field.start() - 200), field.start());
            String after = code.substring(field.end(), Math.min(code.length(), field.end() + 200));
            boolean firedAt = field.group(1).equals("firedAt");
            Matcher binding = BINDING.matcher(before);
            Matcher compared = COMPARED_AFTER.matcher(after);
            if (binding.find() && BARE.matcher(after).find()) {
                (firedAt ? firedAtVariables : sinceVariables).add(binding.group(1));
            } else if (firedAt && CALENDAR_BEFORE.matcher(before).find() && CLOSING_AFTER.matcher(after).find()) {
                continue;
            } else if (!firedAt && compared.find()) {
                comparedWithSince.add(compared.group(1));
            } else {
                return false;
            }
        }
        if (!sinceVariables.containsAll(comparedWithSince)) {
            return false;
        }
        return firedAtVariables.stream().allMatch(v -> everyUseIs(code, v, true))
                && sinceVariables.stream().allMatch(v -> everyUseIs(code, v, false));
    }

    /** Whether each mention of the variable is its binding, a note's text, or (as allowed) a calendar's argument or a comparison of {@code since}. */
    private static boolean everyUseIs(String code, String variable, boolean firedAt) {
        Matcher use = Pattern.compile(Pattern.quote(variable) + "(?!\\w)").matcher(code);
        while (use.find()) {
            String before = code.substring(Math.max(0, use.start() - 200), use.start());
            String after = code.substring(use.end(), Math.min(code.length(), use.end() + 200));
            boolean bound = after.matches("(?s)^\\s*:\\s*" + (firedAt ? "firedAt" : "since") + "\\b.*");
            boolean joinedIntoText = before.matches("(?s).*\\+\\s*$") || after.matches("(?s)^\\s*\\+.*");
            boolean calendar = firedAt && CALENDAR_BEFORE.matcher(before).find() && CLOSING_AFTER.matcher(after).find();
            boolean comparison = !firedAt && before.matches("(?s).*\\bsince\\s*" + COMPARISON + "\\s*$");
            if (!(bound || joinedIntoText || calendar || comparison)) {
                return false;
            }
        }
        return true;
    }
}
