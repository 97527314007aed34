package io.gatehouse.intake.normalize;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Times as sources write them: RFC 3339, or ISO 8601 with an offset without colon (PagerDuty's +0000). */
final class Timestamps {

    private static final DateTimeFormatter COMPACT_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]XX");
    /** Go's zero time, which Alertmanager and Grafana send for "no end yet". */
    private static final Instant GO_ZERO_TIME_LIMIT = Instant.parse("0002-01-01T00:00:00Z");

    private Timestamps() {
    }

    /** The instant, to the millisecond (the precision of every Gatehouse event time). */
    static Instant parse(String text) {
        Instant common = parseCommonForm(text);
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException notRfc3339) {
            return OffsetDateTime.parse(text, COMPACT_OFFSET).toInstant().truncatedTo(ChronoUnit.MILLIS);
        }
    }

    static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static boolean isGoZeroTime(Instant instant) {
        return instant.isBefore(GO_ZERO_TIME_LIMIT);
    }

    /**
     * The form every alert source writes, {@code 2026-11-20T09:15:02.123456789+01:00} or {@code ...Z} (fraction of 1 to 9
     * digits or none), read by hand: java.time's general parser was a fifth of the time spent normalizing an alert.
     * Null for any other text, and for values out of range, which {@link OffsetDateTime#parse} then accepts or refuses
     * as it always did.
     */
    static Instant parseCommonForm(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int position = 19;
        int nanos = 0;
        if (text.charAt(position) == '.') {
            int fractionEnd = position + 1;
            while (fractionEnd < length && text.charAt(fractionEnd) >= '0' && text.charAt(fractionEnd) <= '9') {
                fractionEnd++;
            }
            int fractionDigits = fractionEnd - position - 1;
            if (fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(text, position + 1, fractionDigits);
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
            position = fractionEnd;
        }
        ZoneOffset offset = offset(text, position);
        if (offset == null) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** {@code Z} or {@code +HH:MM} / {@code -HH:MM} ending the text at {@code position}, else null. */
    private static ZoneOffset offset(String text, int position) {
        int remaining = text.length() - position;
        if (remaining == 1 && text.charAt(position) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = remaining == 6 ? text.charAt(position) : ' ';
        if ((sign != '+' && sign != '-') || text.charAt(position + 3) != ':') {
            return null;
        }
        int hours = digits(text, position + 1, 2);
        int minutes = digits(text, position + 4, 2);
        if ((hours | minutes) < 0) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The ASCII digits at {@code start} as a number, or -1 when one of them is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
