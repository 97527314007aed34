package io.gatehouse.rehearsal.gates;

import io.gatehouse.events.RehearsalResultKind;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a release's gates read, at one moment.
 *
 * @param results every result received, superseded ones included, in the order they arrived
 * @param readySince since when gates 1 to 3 have all been passed or waived on the evidence as it is now; null while
 *     they are not (see {@link ReadinessClock})
 */
public record ReleaseInputs(Registration registration, List<Result> results, List<Approval> approvals, List<Waiver> waivers,
                            Instant readySince) {

    public ReleaseInputs {
        results = List.copyOf(results);
        approvals = List.copyOf(approvals);
        waivers = List.copyOf(waivers);
    }

    /** The results that count for the gates ({@link Supersession}). */
    public List<Result> current() {
        return Supersession.current(results);
    }

    /** The current results of {@code kind}, one per scope. */
    public List<Result> currentOf(RehearsalResultKind kind) {
        return current().stream().filter(r -> r.kind() == kind).toList();
    }

    /** The newest current result of {@code kind}, whatever its scope. */
    public Optional<Result> latest(RehearsalResultKind kind) {
        return currentOf(kind).stream().reduce((a, b) -> b.receivedAt().isBefore(a.receivedAt()) ? a : b);
    }

    /** The ids of every result received: what a readiness approval's evidence digest covers. */
    public Set<String> resultIds() {
        Set<String> ids = new LinkedHashSet<>();
        results.forEach(r -> ids.add(r.eventId()));
        return ids;
    }

    public List<Approval> approvalsOf(String kind) {
        return approvals.stream().filter(a -> a.kind().equals(kind)).toList();
    }

    public List<Waiver> waiversOf(int gate) {
        return waivers.stream().filter(w -> w.gate() == gate).toList();
    }
}
