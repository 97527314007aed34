package io.gatehouse.evidence.release;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.GateStanding;
import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.ReleaseDecided;
import io.gatehouse.events.ReleaseDecision;
import io.gatehouse.events.UpstreamArtifact;
import io.gatehouse.evidence.artifacts.DeterministicJson;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The statement of release-attestation.intoto.json: an in-toto Statement v1 whose predicate is a SLSA verification
 * summary (VSA v1) of the release's latest go/no-go decision. Its subject is the release's upstream artifacts by
 * SHA-256, its policy the digest of the 14.yaml the decision applied, and its result PASSED only for GO. VSA has no
 * field for how each gate stood, who waived what until when, or why the decision is not GO, so those sit under the
 * extension field {@link #DECISION_EXTENSION}: an attestation shows the failures and waivers, not only what passed.
 *
 * <p>Everything comes from the release's events, its time from the decision's, so the same events give the same bytes.
 * Gatehouse has no web domain of its own, so its identifiers are URNs, which claim none.
 */
public final class ReleaseAttestation {

    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    public static final String PREDICATE_TYPE = "https://slsa.dev/verification_summary/v1";
    /** A VSA extension field, named by a URI as VSA requires: the decision as protocol 14 reached it. */
    public static final String DECISION_EXTENSION = "urn:gatehouse:protocol-14:decision";
    /** rehearsal-service evaluates the gates and decides; the log's key signs what the log recorded of it. */
    static final String VERIFIER = "urn:gatehouse:rehearsal-service";
    static final String POLICY = "urn:gatehouse:policy:14.yaml";
    static final String RELEASE = "urn:gatehouse:release:";
    /** VSA allows levels of one's own, named without the SLSA_ prefix: every protocol 14 gate passed or validly waived. */
    static final String READY = "GATEHOUSE_PROTOCOL_14_READY";
    static final String FAILED = "FAILED";
    static final String SLSA_VERSION = "1.0";

    private ReleaseAttestation() {
    }

    /** The statement's bytes (deterministic JSON) for the release's latest decision; empty while no decision was taken. */
    public static Optional<byte[]> statement(SubjectHistory history) {
        return history.latest(ReleaseDecided.class).map(decided -> DeterministicJson.write(statement(history, decided)));
    }

    record Statement(@JsonProperty("_type") String type, List<Subject> subject, String predicateType, Predicate predicate) {
    }

    /** An upstream artifact as an in-toto ResourceDescriptor. */
    record Subject(String name, String uri, Map<String, String> digest) {
    }

    /** @param decision the extension field: VSA's consumers ignore it, auditors read it */
    record Predicate(Verifier verifier, Instant timeVerified, String resourceUri, Policy policy, String verificationResult,
                     List<String> verifiedLevels, String slsaVersion, @JsonProperty(DECISION_EXTENSION) DecisionRecord decision) {
    }

    record Verifier(String id) {
    }

    record Policy(String uri, Map<String, String> digest) {
    }

    /**
     * @param failedReasons why the decision is not GO, as rehearsal-service gave them; empty for GO
     * @param gates each gate as it stood when the decision was taken
     * @param waivers every waiver of a protocol 14 gate up to the decision, in ledger order, expired as of the decision
     */
    record DecisionRecord(String release, String decision, String decisionEventId, String revokedGoEventId, List<String> failedReasons,
                          List<Gate> gates, List<GateWaivers.Waiver> waivers) {
    }

    /** @param unmetConditions what its evaluation found not to hold; empty when it passed or was never evaluated */
    record Gate(int gate, String name, GateOutcome outcome, String evaluationEventId, List<String> unmetConditions) {
    }

    private static Statement statement(SubjectHistory history, Recorded<ReleaseDecided> decided) {
        ReleaseDecided d = decided.event();
        boolean go = d.getDecision() == ReleaseDecision.GO;
        List<GateWaivers.Waiver> waivers = history.all(GateWaiverGranted.class).stream()
                .filter(w -> w.event().getProtocol() == Gates.PROTOCOL).map(w -> GateWaivers.Waiver.of(w, decided.time())).toList();
        DecisionRecord decision = new DecisionRecord(history.subject(), d.getDecision().name(), decided.eventId(), d.getRevokedGoEventId(),
                List.copyOf(d.getReasons()), d.getGates().stream().map(g -> gate(history, g)).toList(), waivers);
        Predicate predicate = new Predicate(new Verifier(VERIFIER), decided.time(), RELEASE + uriPart(history.subject()),
                new Policy(POLICY, sha256(d.getPolicyVersion())), go ? "PASSED" : "FAILED", List.of(go ? READY : FAILED), SLSA_VERSION, decision);
        return new Statement(STATEMENT_TYPE, subjects(history), PREDICATE_TYPE, predicate);
    }

    /** The latest upload of each upstream artifact, by name: a newer upload of a name supersedes the older. */
    private static List<Subject> subjects(SubjectHistory history) {
        SortedMap<String, UpstreamArtifact> latest = new TreeMap<>();
        Results.of(history, RehearsalResultKind.UPSTREAM_ARTIFACT, UpstreamArtifact.class)
                .forEach(r -> latest.put(Results.summary(r, UpstreamArtifact.class).getName(), Results.summary(r, UpstreamArtifact.class)));
        return latest.values().stream().map(a -> new Subject(a.getName(), a.getUri(), sha256(a.getSha256().toLowerCase(Locale.ROOT)))).toList();
    }

    private static Gate gate(SubjectHistory history, GateStanding standing) {
        Optional<GateEvaluated> evaluation = Optional.ofNullable(standing.getEvaluationEventId()).flatMap(history::event)
                .map(e -> e.as(GateEvaluated.class));
        int number = standing.getGate();
        String name = number >= 1 && number <= Gates.NAMES.size() ? Gates.NAMES.get(number - 1) : "gate " + number;
        return new Gate(number, evaluation.map(GateEvaluated::getName).orElse(name),
                standing.getOutcome(), standing.getEvaluationEventId(),
                evaluation.map(e -> List.copyOf(e.getUnmetConditions())).orElse(List.of()));
    }

    private static Map<String, String> sha256(String hex) {
        return Map.of("sha256", hex);
    }

    /** A release id inside a URN, percent-encoded so any id makes one URI. */
    private static String uriPart(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
