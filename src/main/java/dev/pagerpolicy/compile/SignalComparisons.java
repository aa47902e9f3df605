package dev.pagerpolicy.compile;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signal values each rule's conditions compare with a number written in them, as values that satisfy the
 * comparison, so that an exploration can make up alerts that carry them: {@code signal("driftScore") > 0.3} gives
 * {@code driftScore=0.4}, {@code signal("p99") <= 250} gives {@code p99=250}. One set of signals per rule, like
 * {@link LabelComparisons}; a threshold the text does not give is left to {@code domain.yaml}.
 */
final class SignalComparisons {
    private static final String SIGNAL = "signal\\(\\s*\"([^\"]+)\"\\s*\\)";
    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
    private static final String OPERATOR = "(>=|<=|==|>|<)";
    private static final Pattern SIGNAL_FIRST = Pattern.compile(SIGNAL + "\\s*" + OPERATOR + "\\s*" + NUMBER);
    private static final Pattern NUMBER_FIRST = Pattern.compile(NUMBER + "\\s*" + OPERATOR + "\\s*" + SIGNAL);

    private SignalComparisons() {
    }

    /** Each rule's signals, without repeats, in the files' order; rules that compare no signal give none. */
    static List<Map<String, Double>> signallingsOf(List<ParsedDrl> trees) {
        return ParsedDrl.valuesPerRule(trees, SignalComparisons::read);
    }

    private static void read(String constraint, Map<String, Double> signals) {
        Matcher signalFirst = SIGNAL_FIRST.matcher(constraint);
        while (signalFirst.find()) {
            signals.putIfAbsent(signalFirst.group(1), satisfying(signalFirst.group(2),
                    Double.parseDouble(signalFirst.group(3))));
        }
        Matcher numberFirst = NUMBER_FIRST.matcher(constraint);
        while (numberFirst.find()) {
            // 0.3 < signal(x) is signal(x) > 0.3
            signals.putIfAbsent(numberFirst.group(3), satisfying(mirrored(numberFirst.group(2)),
                    Double.parseDouble(numberFirst.group(1))));
        }
    }

    /** A value that {@code value OPERATOR threshold} holds for: the threshold itself, or a tenth of it beyond. */
    private static double satisfying(String operator, double threshold) {
        double step = Math.max(Math.abs(threshold) / 10, 0.1);
        return switch (operator) {
            case ">" -> threshold + step;
            case "<" -> threshold - step;
            default -> threshold;
        };
    }

    private static String mirrored(String operator) {
        return switch (operator) {
            case ">" -> "<";
            case "<" -> ">";
            case ">=" -> "<=";
            case "<=" -> ">=";
            default -> operator;
        };
    }
}
