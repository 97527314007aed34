package io.gatehouse.intake.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void theCommonFormReadsAsJavaTimeReadsIt() {
        List<String> common = List.of("2026-11-20T09:15:02.123456789+01:00", "2026-11-21T14:00:36.887Z", "2026-11-20T08:10:00Z",
                "0001-01-01T00:00:00Z", "2026-11-20T08:10:00.5-05:30", "2024-02-29T23:59:59.9999999+14:00", "2026-12-31T23:59:59-18:00",
                "2026-01-01T00:00:00.000001-00:00");

        for (String text : common) {
            Instant expected = OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
            assertThat(Timestamps.parseCommonForm(text)).as(text).isEqualTo(expected);
            assertThat(Timestamps.parse(text)).as(text).isEqualTo(expected);
        }
        assertThat(Timestamps.parse("2026-11-20T09:15:02.123456789+01:00")).isEqualTo(Instant.parse("2026-11-20T08:15:02.123Z"));
    }

    @Test
    void everyOtherFormIsLeftToJavaTimeWhichAcceptsOrRefusesItAsBefore() {
        List<String> otherButValid = List.of("2026-11-20t09:15:02z", "2026-11-20T09:15Z", "2026-11-20T09:15:02+01:00:30",
                "+12026-11-20T09:15:02Z", "2026-11-20T09:15:02.123+0100", "2026-11-20T09:15:02+0000",
                "2026-11-20T24:00:00Z", "2026-11-20T09:15:02.Z");
        for (String text : otherButValid) {
            assertThat(Timestamps.parseCommonForm(text)).as(text).isNull();
            assertThat(Timestamps.isValid(text)).as(text).isTrue();
        }

        List<String> invalid = List.of("2026-13-20T09:15:02Z", "2026-11-20T23:59:60Z", "2026-11-20T09:15:02.1234567890Z", "2026-11-20T09:15:02+18:30", "2026-11-20T09:15:02+1:00",
                "2026-11-20 09:15:02Z", "2026-11-20T09:15:02", "20261120T091502Z", "2026-11-20T09:15:0xZ");
        for (String text : invalid) {
            assertThat(Timestamps.parseCommonForm(text)).as(text).isNull();
            assertThat(Timestamps.isValid(text)).as(text).isFalse();
            assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
        }
    }
}
