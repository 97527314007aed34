package io.gatehouse.evidence.artifacts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Wording shared by the Markdown and text artifacts; numbers always in Locale.ROOT so the bytes do not depend on the host. */
public final class Text {

    private Text() {
    }

    public static String duration(long millis) {
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }

    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    public static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A measured value as written, without a fixed number of places: 0.002, 320, 1.5E-7 as 0.00000015. */
    public static String decimal(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : Double.toString(value);
    }

    /** An enum constant in words: {@code RECOVERY_VALIDATION} is "recovery validation". */
    public static String words(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    public static String orNone(Object value) {
        return value == null ? "none" : value.toString();
    }

    /** A value that stays inside one Markdown table cell. */
    public static String cell(Object value) {
        return orNone(value).replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    public static String joined(List<?> values) {
        return values.isEmpty() ? "none" : String.join(", ", values.stream().map(String::valueOf).toList());
    }

    public static void bullets(StringBuilder out, List<String> items, String whenEmpty) {
        if (items.isEmpty()) {
            out.append(whenEmpty).append('\n');
        }
        items.forEach(item -> out.append("- ").append(item).append('\n'));
    }
}
