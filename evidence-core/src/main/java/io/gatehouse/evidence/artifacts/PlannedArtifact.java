package io.gatehouse.evidence.artifacts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One artifact of a subject's evidence set before its bytes are written.
 *
 * @param sources the events it is derived from, in ledger order
 * @param phaseHappened whether the events of its phase exist, or it only says that the phase has not happened
 * @param required whether its protocol always has it; an optional artifact is planned only when its facts exist
 */
public record PlannedArtifact(String name, Content content, List<LedgerEvent> sources, boolean phaseHappened, boolean required) {

    public static final String MARKDOWN = "text/markdown; charset=utf-8";
    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain; charset=utf-8";

    /**
     * How an artifact is written: from the events, and for an artifact that describes the whole set (a report, an
     * index), from the plan too.
     */
    public record Content(String mediaType, BiFunction<SubjectHistory, EvidencePlan, byte[]> writer) {

        public static Content json(Function<SubjectHistory, Object> content) {
            return jsonOfSet((history, plan) -> content.apply(history));
        }

        public static Content jsonOfSet(BiFunction<SubjectHistory, EvidencePlan, Object> content) {
            return new Content(JSON, (history, plan) -> DeterministicJson.write(content.apply(history, plan)));
        }

        public static Content markdown(Function<SubjectHistory, String> content) {
            return markdownOfSet((history, plan) -> content.apply(history));
        }

        public static Content markdownOfSet(BiFunction<SubjectHistory, EvidencePlan, String> content) {
            return new Content(MARKDOWN, utf8(content));
        }

        public static Content text(Function<SubjectHistory, String> content) {
            return new Content(TEXT, utf8((history, plan) -> content.apply(history)));
        }

        private static BiFunction<SubjectHistory, EvidencePlan, byte[]> utf8(BiFunction<SubjectHistory, EvidencePlan, String> content) {
            return (history, plan) -> content.apply(history, plan).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Its createdAt is the time of the latest event it derives from, or of the subject's latest event when there is none. */
    Artifact render(SubjectHistory history, EvidencePlan plan) {
        return new Artifact(name, content.mediaType(), content.writer().apply(history, plan), sources.stream().map(LedgerEvent::eventId).toList(),
                sources.isEmpty() ? history.latestTime() : SubjectHistory.latestTime(sources), phaseHappened);
    }
}
