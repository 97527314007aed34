package io.gatehouse.intake.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.intake.rejection.RejectedPayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultAddressTest {

    @Test
    void aTestReportIsForOneOfTheThreeSuitesAndASnapshotForAnEnvironment() {
        assertThat(ResultAddress.of("checkout-2.4.0", ResultKind.TEST_REPORT, "smoke", "ignored").qualifier()).isEqualTo("smoke");
        assertThat(ResultAddress.of("checkout-2.4.0", ResultKind.CONFIG_SNAPSHOT, "ignored", "staging-eu").qualifier()).isEqualTo("staging-eu");
        assertThat(ResultAddress.of("checkout-2.4.0", ResultKind.COVERAGE, "smoke", "staging").qualifier()).isNull();

        assertThatThrownBy(() -> ResultAddress.of("r1", ResultKind.TEST_REPORT, null, null))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("the suite is missing").hasMessageContaining("?suite=smoke|acceptance|regression");
        assertThatThrownBy(() -> ResultAddress.of("r1", ResultKind.TEST_REPORT, "nightly", null))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("the suite is \"nightly\"");
        assertThatThrownBy(() -> ResultAddress.of("r1", ResultKind.CONFIG_SNAPSHOT, null, null))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("the environment is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../etc", "a/b", "a\\b", ".hidden", "-rf", "a b", "a%2Fb", "rel\u0000ease", "é", "x12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678", ""})
    void anIdWithAPathSeparatorOrAnyOtherUnsafeCharacterIsRefused(String id) {
        assertThatThrownBy(() -> ResultAddress.of(id, ResultKind.COVERAGE, null, null)).isInstanceOf(RejectedPayload.class)
                .satisfies(refused -> assertThat(((RejectedPayload) refused).report().context()).startsWith("the release id")
                        .doesNotContain("\u0000"));
        assertThatThrownBy(() -> ResultAddress.of("r1", ResultKind.CONFIG_SNAPSHOT, null, id)).isInstanceOf(RejectedPayload.class)
                .hasMessageContaining("the environment");
    }

    @Test
    void headersWrittenForAPostAreReadBackAsTheSameSubmission() {
        for (ResultAddress address : List.of(ResultAddress.of("checkout-2.4.0", ResultKind.TEST_REPORT, "regression", null),
                ResultAddress.of("checkout-2.4.0", ResultKind.CONFIG_SNAPSHOT, null, "production"),
                ResultAddress.of("checkout-2.4.0", ResultKind.SECURITY_SCAN, null, null))) {
            RecordHeaders headers = new RecordHeaders();
            ResultHeaders.write(address, "ci-bot@example.com", headers);

            assertThat(ResultHeaders.read(headers)).isEqualTo(new ResultHeaders.Submission(address, "ci-bot@example.com"));
        }
    }

    @Test
    void aRecordWithoutSubmitterWasProducedStraightOntoKafka() {
        RecordHeaders headers = headers("gatehouse-release", "r1", "gatehouse-result", "license-audit");

        assertThat(ResultHeaders.read(headers).submittedBy()).isEqualTo("kafka");
    }

    @Test
    void missingUnknownOrUnsafeHeadersAreRefusedNamingTheHeader() {
        assertThatThrownBy(() -> ResultHeaders.read(headers("gatehouse-release", "r1")))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("the record has no gatehouse-result header")
                .hasMessageContaining("test-report, coverage, security-scan, config-snapshot");
        assertThatThrownBy(() -> ResultHeaders.read(headers("gatehouse-release", "r1", "gatehouse-result", "test-reports")))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("names the unknown result \"test-reports\"");
        assertThatThrownBy(() -> ResultHeaders.read(headers("gatehouse-result", "coverage")))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("the release id is missing");
        assertThatThrownBy(() -> ResultHeaders.read(headers("gatehouse-release", "../r1", "gatehouse-result", "coverage")))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("holds characters Gatehouse does not accept");
        assertThatThrownBy(() -> ResultHeaders.read(headers("gatehouse-release", "r1", "gatehouse-result", "test-report")))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("the suite is missing");
        assertThatThrownBy(() -> ResultHeaders.read(headers("gatehouse-release", "r1", "gatehouse-result", "coverage", "gatehouse-submitted-by", " ")))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("header gatehouse-submitted-by is blank");
    }

    private static RecordHeaders headers(String... namesAndValues) {
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }
}
