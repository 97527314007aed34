package io.gatehouse.events;

/**
 * Kafka topic names shared by the services and their tests. Each service still maps every channel to its
 * topic explicitly in its application.properties; these constants are for code that names a topic itself.
 */
public final class Topics {

    /** Raw alert payloads exactly as monitoring systems sent them; written by intake-service or any producer. */
    public static final String ALERTS_INBOUND = "alerts.inbound";
    /** Records of {@link #ALERTS_INBOUND} that could not be normalized, with the reason in headers. */
    public static final String ALERTS_INBOUND_DLQ = "alerts.inbound.dlq";
    /** {@link AlertReceived}, keyed by alert group. */
    public static final String ALERTS = "gatehouse.alerts";
    /** Events of {@link #ALERTS} that incident-service could not apply. */
    public static final String ALERTS_DLQ = "gatehouse.alerts.dlq";
    /** Incident events ({@link IncidentOpened}, {@link SeverityClassified}, ...), keyed by incident id. */
    public static final String INCIDENTS = "gatehouse.incidents";
    /** Commands to the deployment system ({@link RollbackRequested}), keyed by incident id. */
    public static final String ROLLBACKS = "gatehouse.rollbacks";
    /** Events of {@link #ROLLBACKS} that incident-service could not apply. */
    public static final String ROLLBACKS_DLQ = "gatehouse.rollbacks.dlq";
    /** Raw pipeline results exactly as pipelines sent them (headers name the release and the result); written by intake-service or any producer. */
    public static final String REHEARSALS_INBOUND = "rehearsals.inbound";
    /** Records of {@link #REHEARSALS_INBOUND} that could not be parsed, with the reason in headers. */
    public static final String REHEARSALS_INBOUND_DLQ = "rehearsals.inbound.dlq";
    /** {@link RehearsalResultReceived}, keyed by release id. */
    public static final String REHEARSALS = "gatehouse.rehearsals";
    /** Events of {@link #REHEARSALS} that rehearsal-service could not apply. */
    public static final String REHEARSALS_DLQ = "gatehouse.rehearsals.dlq";
    /** Release events of protocol 14 ({@link ReleaseRegistered}, {@link GateEvaluated}, {@link ReleaseDecided} ...), keyed by release id. */
    public static final String RELEASES = "gatehouse.releases";
    /** Events of {@link #RELEASES} that incident-service could not apply. */
    public static final String RELEASES_DLQ = "gatehouse.releases.dlq";
    /**
     * The ledger's order and checkpoints ({@link LedgerEntrySequenced}, {@link LedgerCheckpointSigned}), keyed by the
     * log's origin; one partition, so the order is total.
     */
    public static final String LEDGER = "gatehouse.ledger";
    /** Evidence events ({@link EvidenceManifestSealed}, {@link EvidenceBundleBuilt}, {@link EvidenceRetentionApplied}), keyed by subject id. */
    public static final String EVIDENCE = "gatehouse.evidence";
    /** Domain events evidence-service could not record, with the reason in headers. */
    public static final String EVIDENCE_DLQ = "gatehouse.evidence.dlq";

    private Topics() {
    }
}
