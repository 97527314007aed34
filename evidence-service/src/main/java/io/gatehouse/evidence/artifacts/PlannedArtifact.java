package io.gatehouse.evidence.artifacts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One artifact of an incident's evidence set before its bytes are written.
 *
 * @param sources the events it is derived from, in ledger order
 * @param phaseHappened whether the events of its phase exist, or it only says that the phase has not happened
 * @param required whether protocol 17 always has it; an optional artifact is planned only when its facts exist
 */
record PlannedArtifact(String name, Content content, List<LedgerEvent> sources, boolean phaseHappened, boolean required) {

    static final String MARKDOWN = "text/markdown; charset=utf-8";
    static final String JSON = "application/json";

    /**
     * How an artifact is written: from the events, and for the report and the traceability matrix, which describe the
     * whole set, from the plan too.
     */
    record Content(String mediaType, BiFunction<IncidentHistory, EvidencePlan, byte[]> writer) {

        static Content json(Function<IncidentHistory, Object> content) {
            return new Content(JSON, (history, plan) -> DeterministicJson.write(content.apply(history)));
        }

        static Content markdown(Function<IncidentHistory, String> content) {
            return new Content(MARKDOWN, (history, plan) -> content.apply(history).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Its createdAt is the time of the latest event it derives from, or of the incident's latest event when there is none. */
    Artifact render(IncidentHistory history, EvidencePlan plan) {
        return new Artifact(name, content.mediaType(), content.writer().apply(history, plan), sources.stream().map(LedgerEvent::eventId).toList(),
                sources.isEmpty() ? history.latestTime() : IncidentHistory.latestTime(sources), phaseHappened);
    }
}
