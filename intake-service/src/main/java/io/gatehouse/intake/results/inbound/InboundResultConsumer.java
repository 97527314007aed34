package io.gatehouse.intake.results.inbound;

import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.StoredArtifact;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.ParsedResult;
import io.gatehouse.intake.results.ResultHeaders;
import io.gatehouse.intake.results.ResultParsing;
import io.gatehouse.intake.results.artifacts.ArtifactStore;
import io.gatehouse.intake.results.topics.InboundTopicLimits;
import io.gatehouse.messaging.ConsumerFailurePolicy;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads every raw result on rehearsals.inbound, whoever wrote it: its headers say which release and which kind
 * ({@link ResultHeaders}). The bytes are stored once in the artifact store, and one RehearsalResultReceived with
 * their digest and the parsed summary is published on gatehouse.rehearsals, keyed by release. A record that cannot
 * be parsed, or whose headers are missing or wrong, throws, which sends it unchanged to rehearsals.inbound.dlq with
 * the reason; the next record is read as usual. Storing and publishing wait for the artifact store and the broker
 * however long they are away ({@link ConsumerFailurePolicy}).
 */
@ApplicationScoped
public class InboundResultConsumer {

    public static final String CHANNEL = "rehearsals-inbound-in";
    static final String SOURCE = "/gatehouse/intake-service";

    private final MutinyEmitter<SpecificRecord> rehearsals;
    private final ResultParsing parsing;
    private final ArtifactStore artifacts;
    private final InboundTopicLimits limits;
    private final ConsumerFailurePolicy failurePolicy;

    InboundResultConsumer(@Channel("rehearsals-out") MutinyEmitter<SpecificRecord> rehearsals, ResultParsing parsing, ArtifactStore artifacts,
                          InboundTopicLimits limits, ConsumerFailurePolicy failurePolicy) {
        this.rehearsals = rehearsals;
        this.parsing = parsing;
        this.artifacts = artifacts;
        this.limits = limits;
        this.failurePolicy = failurePolicy;
    }

    @Incoming(CHANNEL)
    @Blocking // the raw record is acknowledged only once its bytes are stored and its event is on the broker
    public void receive(ConsumerRecord<String, byte[]> record) {
        // A dead letter is as large as its record, so the dead-letter topic must take it before one can be written.
        failurePolicy.apply(CHANNEL, record, limits::ensure);
        if (record.value() == null) {
            throw RejectedPayload.invalid("pipeline result", "the record has no value", "write the result's bytes as the record's value");
        }
        ResultHeaders.Submission submission = ResultHeaders.read(record.headers());
        ParsedResult parsed = parsing.parse(submission.address(), record.value());
        Instant receivedAt = Instant.ofEpochMilli(record.timestamp()).truncatedTo(ChronoUnit.MILLIS);
        // Derived from the raw record's position: a redelivered record yields the same id, and consumers drop the repeat.
        String eventId = CloudEvent.deriveId(record.topic() + "/" + record.partition() + "/" + record.offset());
        failurePolicy.apply(CHANNEL, record, () -> {
            StoredArtifact artifact = artifacts.put(record.value(), parsed.mediaType());
            RehearsalResultReceived received = RehearsalResultReceived.newBuilder()
                    .setRelease(submission.address().release())
                    .setKind(submission.address().kind().eventKind())
                    .setScope(parsed.scope())
                    .setFormat(parsed.format())
                    .setArtifact(artifact)
                    .setSubmittedBy(submission.submittedBy())
                    .setReceivedAt(receivedAt)
                    .setSummary(parsed.summary())
                    .build();
            publish(received, eventId);
        });
    }

    private void publish(RehearsalResultReceived received, String eventId) {
        RecordHeaders headers = new RecordHeaders();
        CloudEvent.of(received, eventId, SOURCE, received.getRelease(), received.getReceivedAt()).writeTo(headers);
        rehearsals.sendMessageAndAwait(Message.<SpecificRecord>of(received)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(received.getRelease()).withHeaders(headers).build()));
    }
}
