package io.gatehouse.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsumerGroupsTest {

    @Test
    void eachIncomingChannelAddsItsTopicsToItsGroup() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader("""
                quarkus.application.name=some-service
                mp.messaging.incoming.alerts-in.topic=gatehouse.alerts
                mp.messaging.incoming.alerts-in.group.id=some-service
                mp.messaging.incoming.domain-in.topics=gatehouse.incidents, gatehouse.releases
                mp.messaging.incoming.domain-in.group.id=some-service
                mp.messaging.incoming.results-in.topic=rehearsals.inbound
                mp.messaging.incoming.results-in.group.id=some-service-results
                mp.messaging.incoming.results-in.failure-strategy=dead-letter-queue
                mp.messaging.incoming.results-in.dead-letter-queue.topic=rehearsals.inbound.dlq
                mp.messaging.outgoing.out.topic=gatehouse.out
                """));

        Map<String, Set<String>> groups = ConsumerGroups.groupsOf(properties);

        assertThat(groups).containsOnlyKeys("some-service", "some-service-results");
        assertThat(groups.get("some-service")).containsExactlyInAnyOrder("gatehouse.alerts", "gatehouse.incidents", "gatehouse.releases");
        assertThat(groups.get("some-service-results")).containsExactly("rehearsals.inbound");
    }

    @Test
    void aChannelWithoutGroupOrTopicTakesTheApplicationNameAndTheChannelName() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader("""
                quarkus.application.name=some-service
                mp.messaging.incoming.gatehouse.alerts.connector=smallrye-kafka
                mp.messaging.incoming.raw-in.topic=alerts.inbound
                """));

        assertThat(ConsumerGroups.groupsOf(properties)).containsExactly(Map.entry("some-service", Set.of("alerts.inbound")));
    }

    @Test
    void theServicesOfThisCheckoutDeclareTheGroupsTheBenchDrains() {
        Path root = Path.of(System.getProperty("gatehouse.root"));

        Map<String, Set<String>> groups = ConsumerGroups.of(root, "intake-service", "incident-service", "evidence-service");

        assertThat(groups).containsKeys("intake-service", "incident-service", "evidence-service");
        assertThat(groups.get("intake-service")).contains("alerts.inbound");
        assertThat(groups.get("incident-service")).contains("gatehouse.alerts");
        assertThat(groups.get("evidence-service")).contains("gatehouse.alerts", "gatehouse.incidents");
    }
}
