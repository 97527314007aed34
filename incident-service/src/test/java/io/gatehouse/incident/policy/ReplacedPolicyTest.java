package io.gatehouse.incident.policy;

import static io.gatehouse.incident.TestAlerts.alert;
import static io.gatehouse.incident.TestAlerts.awaitIncident;
import static io.gatehouse.incident.TestAlerts.publish;
import static io.gatehouse.incident.TestAlerts.WAIT;
import static io.gatehouse.incident.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.SeverityClassified;
import io.gatehouse.events.Topics;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.incident.HttpStubsResource;
import io.gatehouse.incident.TestEvents;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deployment replaces the shipped 17.yaml with its own file, and the service classifies by it. */
@QuarkusTest
@TestProfile(ReplacedPolicyTest.StrictPolicy.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(HttpStubsResource.class)
class ReplacedPolicyTest {

    /** The shipped policy with SEV-1 from a burn rate of 3 instead of 14.4, written to a file of its own. */
    public static class StrictPolicy implements QuarkusTestProfile {

        static final Path FILE = strictPolicyFile();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.policy.file", FILE.toString());
        }

        private static Path strictPolicyFile() {
            try (InputStream shipped = IncidentPolicy.class.getResourceAsStream(IncidentPolicy.SHIPPED)) {
                String yaml = new String(shipped.readAllBytes(), StandardCharsets.UTF_8).replace("sloBurnRate: 14.4", "sloBurnRate: 3");
                Path file = Files.createTempFile("gatehouse-17-", ".yaml");
                Files.writeString(file, yaml);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theDeploymentsPolicyDecidesTheSeverityAndIsNamedByItsHash() throws IOException {
        String alertName = unique("InventorySyncStalled");
        publish(alert(alertName, "fp-" + alertName, AlertStatus.FIRING, Map.of("slo_burn_rate", "3.5"), "inventory"));

        JsonPath incident = awaitIncident("inventory:" + alertName, 1);

        assertThat(incident.getString("severity")).as("SEV-3 under the shipped policy").isEqualTo("SEV_1");
        assertThat(incident.getString("severityRationale")).isEqualTo("SLO burn rate 3.5 ≥ 3");
        try (TopicReader incidents = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.INCIDENTS)) {
            SeverityClassified classified = EventCodec.decode(incidents.await(1, r -> incident.getString("id").equals(r.key())
                    && TestEvents.is(r, SeverityClassified.class), WAIT).get(0).value(), SeverityClassified.class);
            assertThat(classified.getPolicyVersion())
                    .isEqualTo(IncidentPolicy.parse(Files.readAllBytes(StrictPolicy.FILE), "test").version())
                    .isNotEqualTo(IncidentPolicy.shipped().version());
        }
    }
}
