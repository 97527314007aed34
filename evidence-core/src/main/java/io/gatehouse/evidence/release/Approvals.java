package io.gatehouse.evidence.release;

import io.gatehouse.events.ApprovalGranted;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A release's approvals. The upstream ones (quality audit readiness, scope fixed, staging rehearsal clearance) are
 * prerequisites of the rehearsal and stay valid whatever results come after them; a readiness approval (any other
 * kind) approves the evidence as it was, so a result received after it makes it stale. Either stops counting at its
 * expiry.
 */
final class Approvals {

    static final String STAGING_CLEARANCE = "staging-rehearsal-clearance";
    private static final List<String> UPSTREAM_KINDS = List.of("quality-audit-readiness", "scope-fixed", STAGING_CLEARANCE);
    /** The readiness approval every release needs, whatever else its registration asks for. */
    static final String READINESS = "readiness";

    private Approvals() {
    }

    /**
     * An approval as of a moment: whether it has expired by then, and for a readiness approval, the results received
     * after it.
     *
     * @param resultsSince the results received after a readiness approval was granted, which make it stale
     * @param counts neither expired nor stale
     */
    record Approval(String eventId, String kind, String approver, String role, Instant grantedAt, Instant expiresAt, String note,
                    String evidenceDigest, boolean expired, boolean stale, List<String> resultsSince, boolean counts) {
    }

    /**
     * A kind of approval the release requires, and where it stands.
     *
     * @param status GIVEN when an approval of the kind counts; else STALE or EXPIRED after the latest one, or MISSING
     */
    record Required(String kind, String status, List<String> approvals) {
    }

    private static boolean upstream(String kind) {
        return UPSTREAM_KINDS.contains(kind);
    }

    static List<Recorded<ApprovalGranted>> of(SubjectHistory history, boolean upstream) {
        return history.all(ApprovalGranted.class).stream().filter(a -> upstream(a.event().getKind()) == upstream).toList();
    }

    private static Approval approval(SubjectHistory history, Recorded<ApprovalGranted> recorded, Instant asOf) {
        ApprovalGranted a = recorded.event();
        List<String> since = upstream(a.getKind()) ? List.of() : resultsAfter(history, a.getGrantedAt()).stream().map(Recorded::eventId).toList();
        boolean expired = a.getExpiresAt() != null && !a.getExpiresAt().isAfter(asOf);
        return new Approval(recorded.eventId(), a.getKind(), a.getApprover(), a.getRole(), a.getGrantedAt(), a.getExpiresAt(), a.getNote(),
                a.getEvidenceDigest(), expired, !since.isEmpty(), since, !expired && since.isEmpty());
    }

    /** Every required kind of one side (upstream or readiness), the registration's first, then any other kind given. */
    static List<Required> required(SubjectHistory history, List<Approval> approvals, boolean upstream) {
        Set<String> kinds = new LinkedHashSet<>();
        Registration.of(history).ifPresent(r -> r.requiredApprovals().stream().filter(k -> upstream(k) == upstream).forEach(kinds::add));
        if (!upstream) {
            kinds.add(READINESS);
        }
        approvals.stream().map(Approval::kind).sorted().forEach(kinds::add);
        return kinds.stream().map(kind -> required(kind, approvals.stream().filter(a -> a.kind().equals(kind)).toList())).toList();
    }

    private static Required required(String kind, List<Approval> ofKind) {
        List<String> ids = ofKind.stream().map(Approval::eventId).toList();
        if (ofKind.stream().anyMatch(Approval::counts)) {
            return new Required(kind, "GIVEN", ids);
        }
        if (ofKind.isEmpty()) {
            return new Required(kind, "MISSING", ids);
        }
        return new Required(kind, ofKind.get(ofKind.size() - 1).expired() ? "EXPIRED" : "STALE", ids);
    }

    /** The readiness approvals with the results that made any of them stale, in ledger order. */
    static List<LedgerEvent> readinessSources(SubjectHistory history) {
        List<Recorded<ApprovalGranted>> readiness = of(history, false);
        Set<String> ids = new LinkedHashSet<>();
        readiness.forEach(a -> {
            ids.add(a.eventId());
            resultsAfter(history, a.event().getGrantedAt()).forEach(r -> ids.add(r.eventId()));
        });
        return history.events().stream().filter(e -> ids.contains(e.eventId())).toList();
    }

    private static List<Recorded<RehearsalResultReceived>> resultsAfter(SubjectHistory history, Instant grantedAt) {
        return history.all(RehearsalResultReceived.class).stream().filter(r -> r.event().getReceivedAt().isAfter(grantedAt)).toList();
    }

    static Stream<Approval> approvals(SubjectHistory history, boolean upstream, Instant asOf) {
        return of(history, upstream).stream().map(a -> approval(history, a, asOf));
    }
}
