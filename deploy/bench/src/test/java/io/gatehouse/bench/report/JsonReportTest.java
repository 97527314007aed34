package io.gatehouse.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    /** The fields issue #9 names: others read latest.json by them. */
    private static final List<String> CONTRACT = List.of("rawPassThroughPerSec", "intakePerSec", "intakeRatio", "webhookPerSec", "webhookP50Ms",
            "webhookP99Ms", "alertToSeverityP50Ms", "alertToSeverityP99Ms", "storm", "stormOneKey", "ledgerAppendsPerSec",
            "ledgerLagSecondsAfterStorm", "services", "machine");

    @Test
    void everyContractFieldCarriesItsFigure() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(ResultsFixtures.measured()));

        assertThat(json.fieldNames()).toIterable().containsAll(CONTRACT);
        assertThat(json.get("rawPassThroughPerSec").asDouble()).isEqualTo(100_000);
        assertThat(json.get("intakePerSec").asDouble()).isEqualTo(25_000);
        assertThat(json.get("intakeRatio").asDouble()).isEqualTo(0.25);
        assertThat(json.get("webhookPerSec").asDouble()).isEqualTo(6_000);
        assertThat(json.get("webhookP50Ms").asDouble()).isEqualTo(2.5);
        assertThat(json.get("webhookP99Ms").asDouble()).isEqualTo(18.25);
        assertThat(json.get("alertToSeverityP50Ms").asDouble()).isEqualTo(12.0);
        assertThat(json.get("alertToSeverityP99Ms").asDouble()).isEqualTo(45.5);
        assertThat(json.get("ledgerAppendsPerSec").asDouble()).isEqualTo(12_000);
        assertThat(json.get("ledgerLagSecondsAfterStorm").asDouble()).isEqualTo(6.5);
        assertThat(json.get("machine").get("cores").asInt()).isEqualTo(2);
        assertThat(json.get("machine").get("gitCommit").asText()).isEqualTo("abc1234");
        assertThat(json.get("quick").asBoolean()).isFalse();
    }

    @Test
    void aStormCarriesAlertsIncidentsLostAndSecondsAndTheOneKeyStormItsRates() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(ResultsFixtures.measured()));

        JsonNode storm = json.get("storm");
        assertThat(storm.get("alerts").asLong()).isEqualTo(100_000);
        assertThat(storm.get("incidents").asLong()).isEqualTo(1_000);
        assertThat(storm.get("lost").asLong()).isZero();
        assertThat(storm.get("seconds").asDouble()).isEqualTo(18.0);
        assertThat(storm.get("postingSeconds").asDouble()).isEqualTo(10.0);
        assertThat(storm.get("completed").asBoolean()).isTrue();
        JsonNode oneKey = json.get("stormOneKey");
        assertThat(oneKey.get("incidents").asLong()).isEqualTo(1);
        assertThat(oneKey.get("lost").asLong()).isEqualTo(1_000);
        assertThat(oneKey.get("completed").asBoolean()).isFalse();
        assertThat(oneKey.get("firstRatePerSec").asDouble()).isEqualTo(4_000);
        assertThat(oneKey.get("lastRatePerSec").asDouble()).isEqualTo(3_900);
    }

    @Test
    void eachServiceHasItsStartTimeAndMemory() throws Exception {
        JsonNode services = new ObjectMapper().readTree(JsonReport.render(ResultsFixtures.measured())).get("services");

        assertThat(services.fieldNames()).toIterable().containsExactly("intake-service", "incident-service");
        JsonNode incident = services.get("incident-service");
        assertThat(incident.get("startSeconds").asDouble()).isEqualTo(3.5);
        assertThat(incident.get("rssMiBIdle").asDouble()).isEqualTo(150);
        assertThat(incident.get("rssMiBPeak").asDouble()).isEqualTo(310);
    }

    @Test
    void aPhaseThatFailedLeavesItsFieldsPresentAndNullAndSaysWhy() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(ResultsFixtures.failed()));

        assertThat(json.fieldNames()).toIterable().containsAll(CONTRACT);
        assertThat(json.get("rawPassThroughPerSec").isNull()).isTrue();
        assertThat(json.get("intakeRatio").isNull()).isTrue();
        assertThat(json.get("webhookP99Ms").isNull()).isTrue();
        assertThat(json.get("storm").get("lost").isNull()).isTrue();
        assertThat(json.get("ledgerLagSecondsAfterStorm").isNull()).isTrue();
        assertThat(json.get("notes").get(0).asText()).contains("raw limit failed");
    }
}
