package io.gatehouse.intake.normalize;

import java.time.Instant;
import java.time.OffsetDateTime;
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
}
