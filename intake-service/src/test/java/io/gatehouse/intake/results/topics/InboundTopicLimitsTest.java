package io.gatehouse.intake.results.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.gatehouse.events.Topics;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * On the project's broker: the topics' limit is raised when lower and left alone when higher, and in effect when
 * {@link InboundTopicLimits#ensure()} returns.
 */
class InboundTopicLimitsTest {

    private static final int MAX_REQUEST_SIZE = 17_825_792;
    private static final long REQUIRED = MAX_REQUEST_SIZE + InboundTopicLimits.BATCH_FRAMING_BYTES;

    private final String bootstrap = KafkaBrokerResource.bootstrapServers();

    @Test
    void aLowerLimitIsRaisedAndAHigherOneLeftAlone() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            limits(bootstrap).ensure();
            setLimit(admin, Topics.REHEARSALS_INBOUND_DLQ, 1_048_588);

            limits(bootstrap).ensure();
            assertThat(limitOf(admin, Topics.REHEARSALS_INBOUND)).isEqualTo(REQUIRED);
            assertThat(limitOf(admin, Topics.REHEARSALS_INBOUND_DLQ)).isEqualTo(REQUIRED);

            long higher = 64L * 1024 * 1024;
            setLimit(admin, Topics.REHEARSALS_INBOUND, higher);
            limits(bootstrap).ensure();
            assertThat(limitOf(admin, Topics.REHEARSALS_INBOUND)).isEqualTo(higher);
            setLimit(admin, Topics.REHEARSALS_INBOUND, REQUIRED);
        }
    }

    @Test
    void aBrokerThatDoesNotAnswerLeavesTheLimitsUnsetAndIsAnOutage() {
        InboundTopicLimits unreachable = new InboundTopicLimits(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"),
                MAX_REQUEST_SIZE, Duration.ofSeconds(1));
        try {
            assertThatThrownBy(unreachable::ensure).isInstanceOf(InboundTopicLimits.NotSet.class)
                    .hasMessage("rehearsals.inbound cannot be made to accept records of " + REQUIRED
                            + " bytes (max.message.bytes): the Kafka broker did not answer within PT1S")
                    .satisfies(notSet -> assertThat(unreachable.explains(new IllegalStateException("wrapped", notSet))).isTrue());
            assertThat(unreachable.unavailability(Duration.ofMillis(500))).hasValueSatisfying(why -> assertThat(why).endsWith("within PT0.5S"));
            assertThat(unreachable.explains(new IllegalStateException("something else"))).isFalse();
        } finally {
            unreachable.close();
        }
    }

    private static InboundTopicLimits limits(String bootstrap) {
        return new InboundTopicLimits(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), MAX_REQUEST_SIZE, Duration.ofSeconds(10));
    }

    /** Sets a topic's limit, as an operator would, and returns once the broker answers with it. */
    private static void setLimit(Admin admin, String topic, long bytes) throws Exception {
        AlterConfigOp set = new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(bytes)), AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(set))).all().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> limitOf(admin, topic) == bytes);
    }

    private static long limitOf(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return Long.parseLong(admin.describeConfigs(List.of(resource)).values().get(resource).get(10, TimeUnit.SECONDS)
                .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
    }
}
