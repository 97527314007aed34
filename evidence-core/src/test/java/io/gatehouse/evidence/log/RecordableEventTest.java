package io.gatehouse.evidence.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.events.IncidentMarkedFalsePositive;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RecordableEventTest {

    private static final Instant MARKED_AT = Instant.parse("2026-11-21T14:00:37.019Z");
    private static final IncidentMarkedFalsePositive MARKED = IncidentMarkedFalsePositive.newBuilder().setIncidentId("inc-1")
            .setMarkedBy("alice").setReason("a test alert").setMarkedAt(MARKED_AT).build();
    private static final CloudEvent ATTRIBUTES = CloudEvent.of(MARKED, "event-1", "/test", "inc-1", MARKED_AT);

    @Test
    void aRecordWithItsHeadersItsBodyAndItsSubjectAsKeyIsRecordable() {
        RecordableEvent recordable = RecordableEvent.of("inc-1", headers(ATTRIBUTES), EventCodec.encode(MARKED));

        assertThat(recordable.recordable()).isTrue();
        assertThat(recordable.event()).isEqualTo(ATTRIBUTES);
        assertThat(recordable.body()).isEqualTo(MARKED);
        assertThat(recordable.problem()).isNull();
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsNot() {
        RecordableEvent recordable = RecordableEvent.of("inc-1", new RecordHeaders(), EventCodec.encode(MARKED));

        assertThat(recordable.recordable()).isFalse();
        assertThat(recordable.problem()).isEqualTo("missing CloudEvents header ce_specversion");
        assertThatThrownBy(recordable::event).isInstanceOf(IllegalStateException.class).hasMessageContaining("ce_specversion");
    }

    @Test
    void aRecordWithoutValueIsNot() {
        assertThat(RecordableEvent.of("inc-1", headers(ATTRIBUTES), null).problem()).isEqualTo("the record has no value");
    }

    @Test
    void aBodyThatIsNoEventIsNot() {
        assertThat(RecordableEvent.of("inc-1", headers(ATTRIBUTES), new byte[] {1, 2, 3}).problem())
                .contains("not an Avro single-object encoded event");
    }

    @Test
    void aBodyOfAnotherTypeThanItsHeaderNamesIsNot() {
        CloudEvent wrongType = new CloudEvent("event-1", "/test", "io.gatehouse.events.IncidentOpened", "inc-1", MARKED_AT);

        assertThat(RecordableEvent.of("inc-1", headers(wrongType), EventCodec.encode(MARKED)).problem())
                .isEqualTo("ce_type says io.gatehouse.events.IncidentOpened but the body is io.gatehouse.events.IncidentMarkedFalsePositive");
    }

    @Test
    void aRecordKeyedByAnythingButItsSubjectIsNot() {
        assertThat(RecordableEvent.of("inc-2", headers(ATTRIBUTES), EventCodec.encode(MARKED)).problem())
                .isEqualTo("the record key inc-2 is not its subject inc-1");
        assertThat(RecordableEvent.of(null, headers(ATTRIBUTES), EventCodec.encode(MARKED)).problem())
                .isEqualTo("the record key null is not its subject inc-1");
    }

    private static RecordHeaders headers(CloudEvent attributes) {
        RecordHeaders headers = new RecordHeaders();
        attributes.writeTo(headers);
        return headers;
    }
}
