package io.gatehouse.evidence.release;

import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A release's pipeline results. A newer result of the same kind and scope (the suite, the environment, the upstream
 * artifact's name) supersedes an older one for the gates; evidence keeps both, the newer last. Newer means later in
 * the ledger: one release's results share a partition of gatehouse.rehearsals, so the ledger keeps their order.
 */
final class Results {

    private Results() {
    }

    /** The results of one kind, in ledger order. */
    static List<Recorded<RehearsalResultReceived>> of(SubjectHistory history, RehearsalResultKind kind) {
        return history.all(RehearsalResultReceived.class).stream().filter(r -> r.event().getKind() == kind).toList();
    }

    /**
     * The results of one kind whose summary is what the kind says, in ledger order. The schema does not tie the two
     * together; a result whose summary is of another kind is still listed in the pre-deployment manifest.
     */
    static List<Recorded<RehearsalResultReceived>> of(SubjectHistory history, RehearsalResultKind kind, Class<?> summary) {
        return of(history, kind).stream().filter(r -> summary.isInstance(r.event().getSummary())).toList();
    }

    /** The summary of a result {@link #of(SubjectHistory, RehearsalResultKind, Class)} returned. */
    static <S> S summary(Recorded<RehearsalResultReceived> result, Class<S> type) {
        return type.cast(result.event().getSummary());
    }

    /** The ledger events of the results of these kinds, in ledger order. */
    static List<LedgerEvent> sources(SubjectHistory history, RehearsalResultKind... kinds) {
        Set<RehearsalResultKind> wanted = Set.of(kinds);
        return history.all(RehearsalResultReceived.class).stream().filter(r -> wanted.contains(r.event().getKind()))
                .map(Recorded::source).toList();
    }

    /**
     * Results grouped by what a newer one must match to supersede them, each group in ledger order.
     *
     * @param scope the group of a result; null is a group of its own, sorted first
     */
    static SortedMap<String, List<Recorded<RehearsalResultReceived>>> byScope(List<Recorded<RehearsalResultReceived>> results,
                                                                              Function<Recorded<RehearsalResultReceived>, String> scope) {
        SortedMap<String, List<Recorded<RehearsalResultReceived>>> groups = new TreeMap<>();
        results.forEach(r -> groups.computeIfAbsent(orEmpty(scope.apply(r)), s -> new ArrayList<>()).add(r));
        return groups;
    }

    static String scope(Recorded<RehearsalResultReceived> result) {
        return result.event().getScope();
    }

    /** One group's results, each mapped with the id of the result that superseded it (null for the latest). */
    static <T> List<T> withSuccessors(List<Recorded<RehearsalResultReceived>> group, BiFunction<Recorded<RehearsalResultReceived>, String, T> map) {
        List<T> mapped = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            mapped.add(map.apply(group.get(i), i + 1 < group.size() ? group.get(i + 1).eventId() : null));
        }
        return mapped;
    }

    /** Every superseded result's successor in its kind and scope, by event id. */
    static Map<String, String> successors(SubjectHistory history) {
        Map<String, String> successors = new TreeMap<>();
        for (RehearsalResultKind kind : RehearsalResultKind.values()) {
            for (List<Recorded<RehearsalResultReceived>> group : byScope(of(history, kind), Results::scope).values()) {
                for (int i = 0; i + 1 < group.size(); i++) {
                    successors.put(group.get(i).eventId(), group.get(i + 1).eventId());
                }
            }
        }
        return successors;
    }

    static <T> T latest(List<T> inOrder) {
        return inOrder.isEmpty() ? null : inOrder.get(inOrder.size() - 1);
    }

    static <T> List<T> superseded(List<T> inOrder) {
        return inOrder.isEmpty() ? List.of() : List.copyOf(inOrder.subList(0, inOrder.size() - 1));
    }

    private static String orEmpty(String scope) {
        return scope == null ? "" : scope;
    }

    /**
     * A pipeline result as an artifact cites it: its event, who sent it and when, the stored bytes it was parsed from,
     * and the result that superseded it.
     *
     * @param supersededBy null for the latest of its kind and scope
     */
    record Received(String eventId, Instant receivedAt, String submittedBy, String format, String sha256, long sizeBytes,
                    String mediaType, String supersededBy) {

        static Received of(Recorded<RehearsalResultReceived> result, String supersededBy) {
            RehearsalResultReceived r = result.event();
            return new Received(result.eventId(), r.getReceivedAt(), r.getSubmittedBy(), r.getFormat(), r.getArtifact().getSha256(),
                    r.getArtifact().getSizeBytes(), r.getArtifact().getMediaType(), supersededBy);
        }
    }
}
