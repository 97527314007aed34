package io.gatehouse.rehearsal;

import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.rehearsal.errors.ReleaseNotFound;
import io.gatehouse.rehearsal.gates.Approval;
import io.gatehouse.rehearsal.gates.DecisionState;
import io.gatehouse.rehearsal.gates.EvidenceDigest;
import io.gatehouse.rehearsal.gates.GateVerdict;
import io.gatehouse.rehearsal.gates.GoNoGo;
import io.gatehouse.rehearsal.gates.ReadinessClock;
import io.gatehouse.rehearsal.gates.Registration;
import io.gatehouse.rehearsal.gates.ReleaseInputs;
import io.gatehouse.rehearsal.gates.Supersession;
import io.gatehouse.rehearsal.gates.Waiver;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A release going through protocol 14: the state rehearsal-service keeps, and the root of the aggregate its received
 * results, approvals, waivers and gate standings belong to. It changes only through the methods below, each saying
 * what happened; what rehearsal-service publishes about it are the events in io.gatehouse.events.
 *
 * <p>A pipeline's results may arrive before the release is registered. The first of them reserves the release's row
 * (registered later, or never), so that every writer has the same row to lock: HTTP commands, the results consumer and
 * the expiry job each take it first ({@link #lockOrReserve}, {@link #lockRegistered}), and each reads the state the
 * previous one committed; the version column makes any writer that skipped the lock fail instead of writing over newer
 * state.
 */
@Entity
@Table(name = "release")
public class Release extends PanacheEntityBase {

    @Id
    private String id;

    @Version
    private long version;

    private String service;

    @Column(name = "release_version")
    private String releaseVersion;

    @Column(name = "staging_environment")
    private String stagingEnvironment;

    @Column(name = "production_environment")
    private String productionEnvironment;

    @Column(name = "rto_minutes")
    private Integer rtoMinutes;

    @Column(name = "previous_release")
    private String previousRelease;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "required_artifacts")
    private List<String> requiredArtifacts;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "required_approvals")
    private List<String> requiredApprovals;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "expected_differences")
    private List<String> expectedDifferences;

    /** The policy in force at registration. */
    @Column(name = "policy_version")
    private String policyVersion;

    @Column(name = "registered_by")
    private String registeredBy;

    /** Null while the release's results arrived but its registration did not. */
    @Column(name = "registered_at")
    private Instant registeredAt;

    @Column(name = "registration_event_id")
    private String registrationEventId;

    @Enumerated(EnumType.STRING)
    private DecisionState decision;

    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> reasons;

    /** The ReleaseDecided event of the decision as it stands; null while PENDING. */
    @Column(name = "decision_event_id")
    private String decisionEventId;

    @Column(name = "decided_at")
    private Instant decidedAt;

    /** The ReleaseDecided event of the GO that stands; null when the release is not GO. */
    @Column(name = "go_event_id")
    private String goEventId;

    /** Since when gates 1 to 3 have been passed or waived on the evidence as it is now; null while they are not. */
    @Column(name = "ready_since")
    private Instant readySince;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @OneToMany(mappedBy = "release", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<ReceivedResult> results = new ArrayList<>();

    @OneToMany(mappedBy = "release", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<ReleaseApproval> approvals = new ArrayList<>();

    @OneToMany(mappedBy = "release", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<GateWaiver> waivers = new ArrayList<>();

    @OneToMany(mappedBy = "release", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("gate")
    private List<ReleaseGate> gates = new ArrayList<>();

    /**
     * The release, locked for this transaction, reserving its row first if nothing of it arrived yet: the first step of
     * a unit of work that may come before the registration (a result, the registration itself).
     */
    public static Release lockOrReserve(String id) {
        // Two reservations of the same id at once: the second waits for the first's row, then finds it there.
        getEntityManager().createNativeQuery("insert into release (id, version) values (?1, 0) on conflict (id) do nothing")
                .setParameter(1, id).executeUpdate();
        return Release.<Release>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
    }

    /**
     * The registered release, locked for this transaction: the first step of every unit of work that changes it.
     *
     * @throws ReleaseNotFound when no release with this id was registered
     */
    public static Release lockRegistered(String id) {
        return Release.<Release>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(Release::registered)
                .orElseThrow(() -> new ReleaseNotFound(id));
    }

    /**
     * The registered release for reading only, as last committed.
     *
     * @throws ReleaseNotFound when no release with this id was registered
     */
    public static Release require(String id) {
        return Release.<Release>findByIdOptional(id).filter(Release::registered).orElseThrow(() -> new ReleaseNotFound(id));
    }

    // --- registration ----------------------------------------------------------------------------------------

    public boolean registered() {
        return registeredAt != null;
    }

    /** The release is registered with what its gates require, the policy's defaults already filled in. */
    public void register(Registration registration, String previousRelease, String policyVersion, String registeredBy, String eventId,
                         Instant at) {
        if (registered()) {
            throw new IllegalStateException("release " + id + " is registered already");
        }
        service = registration.service();
        releaseVersion = registration.version();
        stagingEnvironment = registration.stagingEnvironment();
        productionEnvironment = registration.productionEnvironment();
        rtoMinutes = registration.rtoMinutes();
        this.previousRelease = previousRelease;
        requiredArtifacts = registration.requiredArtifacts();
        requiredApprovals = registration.requiredApprovals();
        expectedDifferences = registration.expectedDifferences();
        this.policyVersion = policyVersion;
        this.registeredBy = registeredBy;
        registeredAt = at;
        registrationEventId = eventId;
        decision = DecisionState.PENDING;
        reasons = List.of();
        updatedAt = at;
    }

    /** Whether the release was registered with exactly this: a registration sent again changes nothing. */
    public boolean registeredAs(Registration registration, String previousRelease) {
        return registered() && registration.equals(registration()) && Objects.equals(previousRelease, this.previousRelease);
    }

    // --- results ---------------------------------------------------------------------------------------------

    /**
     * A pipeline result arrived; a newer one of the same kind and scope supersedes an older one for the gates, and
     * both are kept.
     */
    public void receive(String eventId, RehearsalResultReceived event) {
        results.add(ReceivedResult.of(this, eventId, event));
        Map<String, String> superseded = Supersession.superseded(results.stream().map(ReceivedResult::result).toList());
        results.forEach(r -> r.supersededBy(superseded.get(r.eventId())));
        updatedAt = event.getReceivedAt();
    }

    /** The digest of the evidence as it is now: what an approval given now approves. */
    public String evidenceDigest() {
        return EvidenceDigest.of(resultEventIds());
    }

    // --- approvals and waivers -------------------------------------------------------------------------------

    /** A person in a role approved the release as its evidence is now; a readiness approval also approves the package ready since {@link #readySince()}. */
    public void approve(String eventId, String kind, String approver, String role, String note, Instant expiresAt, boolean readiness, Instant at) {
        Approval approval = new Approval(eventId, kind, approver, role, at, expiresAt, false, resultEventIds(), readiness ? readySince : null);
        approvals.add(ReleaseApproval.of(this, eventId, approval, note, evidenceDigest()));
        updatedAt = at;
    }

    public void waive(Waiver waiver) {
        waivers.add(GateWaiver.of(this, waiver));
        updatedAt = waiver.grantedAt();
    }

    /** The approval given as {@code eventId} reached its expiry; it never counts again. Empty when it lapsed already. */
    public Optional<Approval> lapseApproval(String eventId) {
        return lapse(approvals, eventId).map(ReleaseApproval::approval);
    }

    /** The waiver given as {@code eventId} reached its expiry; it never counts again. Empty when it lapsed already. */
    public Optional<Waiver> lapseWaiver(String eventId) {
        return lapse(waivers, eventId).map(GateWaiver::waiver);
    }

    private <G extends ReleaseGrant> Optional<G> lapse(List<G> grants, String eventId) {
        Optional<G> grant = grants.stream().filter(g -> g.eventId().equals(eventId) && !g.lapsed()).findFirst();
        grant.ifPresent(g -> {
            g.lapse();
            updatedAt = g.expiresAt();
        });
        return grant;
    }

    // --- gates and decision ----------------------------------------------------------------------------------

    /**
     * A gate was evaluated and its GateEvaluated event written.
     *
     * @return the gate's outcome before; empty when it was not evaluated before
     */
    public Optional<GateOutcome> recordEvaluation(GateVerdict verdict, String evaluationEventId, Instant at) {
        Optional<ReleaseGate> before = standing(verdict.gate());
        Optional<GateOutcome> previous = before.map(ReleaseGate::outcome);
        ReleaseGate standing = before.orElseGet(() -> {
            ReleaseGate created = ReleaseGate.of(this, verdict.gate());
            gates.add(created);
            return created;
        });
        standing.record(verdict, evaluationEventId, at);
        updatedAt = at;
        return previous;
    }

    /** Gates 1 to 3 were evaluated at {@code at}; a new result restarts the clock of readiness approvals ({@link ReadinessClock}). */
    public void recordReadiness(boolean newResult, Instant at) {
        boolean clear = IntStream.rangeClosed(1, 3)
                .allMatch(gate -> standing(gate).map(s -> s.verdict().clear()).orElse(false));
        readySince = ReadinessClock.readySince(readySince, clear, newResult, at);
    }

    /**
     * The decision as it now stands.
     *
     * @param eventId the ReleaseDecided event that announced it; null for a PENDING release, which nothing announces
     */
    public void recordDecision(GoNoGo.Decision decided, String eventId, Instant at) {
        decision = decided.state();
        reasons = decided.reasons();
        if (eventId != null) {
            decisionEventId = eventId;
            decidedAt = at;
        }
        goEventId = decided.state() == DecisionState.GO ? eventId : null;
        updatedAt = at;
    }

    /** Whether {@code decided} differs from the decision as it stands, by its state or its reasons. */
    public boolean changedBy(GoNoGo.Decision decided) {
        return decided.state() != decision || !decided.reasons().equals(reasons);
    }

    // --- what the release says -------------------------------------------------------------------------------

    /** Everything its gates read, as it is now. */
    public ReleaseInputs inputs() {
        return new ReleaseInputs(registration(), results.stream().map(ReceivedResult::result).toList(),
                approvals.stream().map(ReleaseApproval::approval).toList(), waivers.stream().map(GateWaiver::waiver).toList(), readySince);
    }

    public Registration registration() {
        return new Registration(id, service, releaseVersion, stagingEnvironment, productionEnvironment, rtoMinutes == null ? 0 : rtoMinutes,
                listOrEmpty(requiredArtifacts), listOrEmpty(requiredApprovals), listOrEmpty(expectedDifferences));
    }

    /** The standing of gates 1 to 4 as last evaluated, in order. */
    public List<GateVerdict> verdicts() {
        return gates.stream().map(ReleaseGate::verdict).toList();
    }

    public Optional<ReleaseGate> standing(int gate) {
        return gates.stream().filter(g -> g.gate() == gate).findFirst();
    }

    public List<ReleaseGate> standings() {
        return List.copyOf(gates);
    }

    public List<ReceivedResult> results() {
        return List.copyOf(results);
    }

    public List<ReleaseApproval> approvals() {
        return List.copyOf(approvals);
    }

    public List<GateWaiver> waivers() {
        return List.copyOf(waivers);
    }

    public Set<String> resultEventIds() {
        Set<String> ids = new LinkedHashSet<>();
        results.forEach(r -> ids.add(r.eventId()));
        return ids;
    }

    public String id() {
        return id;
    }

    public String service() {
        return service;
    }

    public String previousRelease() {
        return previousRelease;
    }

    public String policyVersion() {
        return policyVersion;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public String registrationEventId() {
        return registrationEventId;
    }

    public DecisionState decision() {
        return decision;
    }

    public List<String> reasons() {
        return listOrEmpty(reasons);
    }

    public String decisionEventId() {
        return decisionEventId;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    /** The ReleaseDecided event of the GO that stands; null when the release is not GO. */
    public String goEventId() {
        return goEventId;
    }

    public Instant readySince() {
        return readySince;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    private static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
