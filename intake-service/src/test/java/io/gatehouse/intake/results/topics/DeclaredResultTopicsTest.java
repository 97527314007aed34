package io.gatehouse.intake.results.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.Topics;
import io.gatehouse.topics.GatehouseTopics;
import io.gatehouse.topics.TopicDeclaration;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The declared result topics take the largest record intake-service sends, so it never has to raise their limit. */
class DeclaredResultTopicsTest {

    @Test
    void theDeclaredResultTopicsTakeTheLargestRecordOfTheProducer() throws IOException {
        Properties application = new Properties();
        try (InputStream in = DeclaredResultTopicsTest.class.getResourceAsStream("/application.properties")) {
            application.load(in);
        }
        long required = Long.parseLong(application.getProperty("mp.messaging.outgoing.rehearsals-inbound-out.max.request.size"))
                + InboundTopicLimits.BATCH_FRAMING_BYTES;

        for (String topic : new String[] {Topics.REHEARSALS_INBOUND, Topics.REHEARSALS_INBOUND_DLQ}) {
            assertThat(GatehouseTopics.named(topic, 1)).map(TopicDeclaration::config).hasValueSatisfying(config ->
                    assertThat(config).as(topic).containsEntry("max.message.bytes", String.valueOf(required)));
        }
    }
}
