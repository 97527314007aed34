package io.gatehouse.events.codec;

import io.gatehouse.events.AlertFeedbackRecorded;
import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.ApprovalGranted;
import io.gatehouse.events.ConfigurationDriftMeasured;
import io.gatehouse.events.EvidenceBundleBuilt;
import io.gatehouse.events.EvidenceManifestSealed;
import io.gatehouse.events.EvidenceRetentionApplied;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateFailureAnnounced;
import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.events.IncidentMarkedFalsePositive;
import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.IncidentResolved;
import io.gatehouse.events.LedgerCheckpointSigned;
import io.gatehouse.events.LedgerEntrySequenced;
import io.gatehouse.events.MitigationApproved;
import io.gatehouse.events.MitigationExecuted;
import io.gatehouse.events.MitigationExecutionRequested;
import io.gatehouse.events.MitigationPlanned;
import io.gatehouse.events.RecoveryValidated;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.ReleaseDecided;
import io.gatehouse.events.ReleaseRegistered;
import io.gatehouse.events.ResolutionReviewed;
import io.gatehouse.events.RollbackExecuted;
import io.gatehouse.events.RollbackReadinessVerified;
import io.gatehouse.events.RollbackRefused;
import io.gatehouse.events.RollbackRehearsalAssessed;
import io.gatehouse.events.RollbackRequested;
import io.gatehouse.events.RootCauseEvidenceArchived;
import io.gatehouse.events.SeverityClassified;
import io.gatehouse.events.SeverityConfirmed;
import io.gatehouse.events.SeverityReviewed;
import io.gatehouse.events.StakeholdersNotified;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Every event type Gatehouse publishes, and every version of its schema that was ever released.
 *
 * <p>There is no schema registry: each record carries the 64-bit fingerprint of the schema it was written
 * with (Avro single-object encoding), and this catalog turns the fingerprint back into that writer schema.
 * Released versions live in {@code io/gatehouse/events/history/<EventName>/v<N>.avsc}, each complete in itself
 * (named types it uses are written out in it, as Avro prints a schema); the newest one must
 * equal the generated class's schema (a test enforces it), so a changed schema cannot ship unrecorded.
 */
public final class EventCatalog {

    /** The event types known to this build, in no particular order. */
    public static final List<Class<? extends SpecificRecordBase>> EVENT_TYPES = List.of(
            AlertReceived.class, IncidentOpened.class, SeverityClassified.class, SeverityReviewed.class, SeverityConfirmed.class,
            IncidentMarkedFalsePositive.class, StakeholdersNotified.class, GateEvaluated.class, MitigationPlanned.class,
            RollbackReadinessVerified.class, MitigationApproved.class, GateWaiverGranted.class, RollbackRequested.class,
            RollbackRefused.class, RollbackExecuted.class, RecoveryValidated.class, RootCauseEvidenceArchived.class, IncidentResolved.class,
            MitigationExecutionRequested.class, MitigationExecuted.class, ResolutionReviewed.class, AlertFeedbackRecorded.class,
            ReleaseRegistered.class, RehearsalResultReceived.class, ApprovalGranted.class, RollbackRehearsalAssessed.class,
            ReleaseDecided.class, GateFailureAnnounced.class, ConfigurationDriftMeasured.class, LedgerEntrySequenced.class,
            LedgerCheckpointSigned.class, EvidenceManifestSealed.class, EvidenceBundleBuilt.class, EvidenceRetentionApplied.class);

    private static final EventCatalog INSTANCE = new EventCatalog();

    private final Map<Class<? extends SpecificRecordBase>, List<SchemaVersion>> historyByType = new HashMap<>();
    private final Map<Long, SchemaVersion> byFingerprint = new HashMap<>();

    /** One released version of an event's schema. */
    public record SchemaVersion(Class<? extends SpecificRecordBase> type, int version, Schema schema, long fingerprint) {
    }

    private EventCatalog() {
        for (Class<? extends SpecificRecordBase> type : EVENT_TYPES) {
            List<SchemaVersion> versions = loadHistory(type);
            historyByType.put(type, List.copyOf(versions));
            versions.forEach(v -> byFingerprint.put(v.fingerprint(), v));
        }
    }

    public static EventCatalog instance() {
        return INSTANCE;
    }

    /** Released versions of {@code type}'s schema, oldest first. */
    public List<SchemaVersion> history(Class<? extends SpecificRecordBase> type) {
        return historyByType.getOrDefault(type, List.of());
    }

    /** The released schema a record with this fingerprint was written with, if it is one of ours. */
    public Optional<SchemaVersion> writerSchema(long fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    private static List<SchemaVersion> loadHistory(Class<? extends SpecificRecordBase> type) {
        List<SchemaVersion> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            String resource = "history/" + type.getSimpleName() + "/v" + version + ".avsc";
            try (InputStream in = EventCatalog.class.getResourceAsStream("/io/gatehouse/events/" + resource)) {
                if (in == null) {
                    return versions;
                }
                Schema schema = new Schema.Parser().parse(in);
                versions.add(new SchemaVersion(type, version, schema, fingerprint(schema)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema " + resource, e);
            }
        }
    }
}
