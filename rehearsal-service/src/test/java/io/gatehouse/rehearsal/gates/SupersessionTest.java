package io.gatehouse.rehearsal.gates;

import static io.gatehouse.rehearsal.TestResults.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.RehearsalResultKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupersessionTest {

    @Test
    void aNewerResultOfTheSameKindAndScopeSupersedesTheOlderAndBothAreKept() {
        Result smoke1 = result("s1", RehearsalResultKind.TEST_REPORT, "smoke", 0);
        Result regression = result("r1", RehearsalResultKind.TEST_REPORT, "regression", 1);
        Result smoke2 = result("s2", RehearsalResultKind.TEST_REPORT, "smoke", 2);

        List<Result> arrived = List.of(smoke1, regression, smoke2);

        assertThat(Supersession.current(arrived)).containsExactly(regression, smoke2);
        assertThat(Supersession.superseded(arrived)).containsExactly(Map.entry("s1", "s2"));
    }

    @Test
    void anOlderResultArrivingLateIsSupersededAtOnce() {
        Result rerun = result("scan-2", RehearsalResultKind.SECURITY_SCAN, null, 10);
        Result late = result("scan-1", RehearsalResultKind.SECURITY_SCAN, null, 5);

        assertThat(Supersession.current(List.of(rerun, late))).containsExactly(rerun);
        assertThat(Supersession.superseded(List.of(rerun, late))).containsEntry("scan-1", "scan-2");
    }

    @Test
    void ofTwoResultsReceivedAtTheSameInstantTheOneThatArrivedLaterCounts() {
        Result first = result("a", RehearsalResultKind.COVERAGE, null, 3);
        Result second = result("b", RehearsalResultKind.COVERAGE, null, 3);

        assertThat(Supersession.current(List.of(first, second))).containsExactly(second);
    }

    @Test
    void resultsOfOtherKindsOrScopesStandSideBySide() {
        List<Result> arrived = List.of(result("p", RehearsalResultKind.CONFIG_SNAPSHOT, "production", 0),
                result("s", RehearsalResultKind.CONFIG_SNAPSHOT, "staging", 1), result("d", RehearsalResultKind.DEPLOYMENT_REHEARSAL, "staging", 2));

        assertThat(Supersession.current(arrived)).hasSize(3);
        assertThat(Supersession.superseded(arrived)).isEmpty();
    }

    private static Result result(String id, RehearsalResultKind kind, String scope, int second) {
        return new Result(id, kind, scope, T0.plusSeconds(second), null);
    }
}
