package io.gatehouse.evidence.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.evidence.Elsewhere;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanupLogTest {

    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String POLICY = "release evidence: active 90 days, archived 1095 days (retention policy sha256:"
            + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855)";

    @Test
    void theCleanupLogListsEveryActionWithItsPeriodAndPolicyInFixedBytes() {
        List<CleanupAction> actions = List.of(
                new CleanupAction("rel-200", 1, SHA256, CleanupAction.Kind.ARCHIVED, Instant.parse("2027-02-18T09:41:00Z"),
                        Instant.parse("2027-02-18T10:00:00.250Z"), POLICY),
                new CleanupAction("rel-200", 1, SHA256, CleanupAction.Kind.DELETED, Instant.parse("2030-02-17T09:41:00Z"),
                        Instant.parse("2030-02-17T10:00:00Z"), POLICY));

        String here = new String(CleanupLog.of("rel-200", actions).bytes(), StandardCharsets.UTF_8);
        String elsewhere = Elsewhere.inAnotherTimeZoneAndLocale(() -> new String(CleanupLog.of("rel-200", actions).bytes(), StandardCharsets.UTF_8));

        assertThat(here).isEqualTo(Elsewhere.golden(CleanupLogTest.class, "cleanup-log.json"));
        assertThat(elsewhere).isEqualTo(here);
    }
}
