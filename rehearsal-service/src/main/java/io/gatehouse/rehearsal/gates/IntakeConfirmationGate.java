package io.gatehouse.rehearsal.gates;

import io.gatehouse.events.ConfigSnapshot;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.UpstreamArtifact;
import io.gatehouse.rehearsal.drift.ConfigurationDrift;
import io.gatehouse.rehearsal.policy.ReleasePolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gate 1 of protocol 14, intake confirmation: completeness (every required upstream artifact present with a valid
 * SHA-256, every required upstream approval present and not expired) at least the policy's minimum, and staging's
 * configuration close enough to production's (drift and its severity). Waivable by the release manager.
 *
 * <p>Reads: the registration (required artifacts and approvals, expected differences, the two environments); results
 * UPSTREAM_ARTIFACT and CONFIG_SNAPSHOT (of the staging and the production environment); the approvals
 * quality-audit-readiness, scope-fixed, staging-rehearsal-clearance (every required kind but readiness); gate 1's
 * waivers.
 */
public final class IntakeConfirmationGate {

    public static final int NUMBER = 1;
    public static final String NAME = "Intake confirmation";

    /** A SHA-256 as pipelines report it: 64 hex digits. */
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    /** Differing keys named in a condition; the drift report names all. */
    private static final int KEYS_NAMED = 5;

    /** Staging compared with production: the snapshots compared and what the comparison found. */
    public record DriftMeasurement(Result staging, Result production, ConfigurationDrift.Report report) {
    }

    private IntakeConfirmationGate() {
    }

    /** The comparison gate 1 reads; empty until both environments' snapshots arrived. */
    public static Optional<DriftMeasurement> drift(ReleaseInputs inputs) {
        Optional<Result> staging = snapshotOf(inputs, inputs.registration().stagingEnvironment());
        Optional<Result> production = snapshotOf(inputs, inputs.registration().productionEnvironment());
        if (staging.isEmpty() || production.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DriftMeasurement(staging.get(), production.get(), ConfigurationDrift.measure(
                entriesOf(staging.get()).getEntries(), entriesOf(production.get()).getEntries(), inputs.registration().expectedDifferences())));
    }

    public static GateVerdict evaluate(ReleaseInputs inputs, ReleasePolicy policy, Instant at) {
        ReleasePolicy.IntakeConfirmation thresholds = policy.intakeConfirmation();
        Measurement m = new Measurement()
                .requires("completeness", ">= " + Numbers.format(thresholds.minCompleteness()))
                .requires("configurationDrift", "<= " + Numbers.format(thresholds.maxDrift()))
                .requires("driftSeverity", "<= " + thresholds.maxDriftSeverity().ordinal() + " (" + thresholds.maxDriftSeverity() + ")");
        measureCompleteness(inputs, policy, at, m);
        Optional<DriftMeasurement> drift = drift(inputs);
        if (drift.isEmpty()) {
            Registration registration = inputs.registration();
            if (snapshotOf(inputs, registration.stagingEnvironment()).isEmpty()) {
                m.missing("no configuration snapshot of the staging environment " + registration.stagingEnvironment() + " yet");
            }
            if (snapshotOf(inputs, registration.productionEnvironment()).isEmpty()) {
                m.missing("no configuration snapshot of the production environment " + registration.productionEnvironment() + " yet");
            }
        } else {
            measureDrift(drift.get(), thresholds, m);
        }
        Optional<List<Waiver>> waivers = Waivers.covering(thresholds.waiver(), inputs.waiversOf(NUMBER), at);
        if (m.anyUnmet()) {
            waivers.ifPresent(ws -> ws.forEach(w -> m.cites(w.eventId())));
        }
        return m.verdict(NUMBER, NAME, waivers.isPresent());
    }

    /** Whether staging's configuration is within the policy's drift limits: the hard rule's staging parity. */
    public static boolean parityHolds(ReleaseInputs inputs, ReleasePolicy policy) {
        return drift(inputs).map(d -> d.report().drift() <= policy.intakeConfirmation().maxDrift()
                && d.report().severity().compareTo(policy.intakeConfirmation().maxDriftSeverity()) <= 0).orElse(false);
    }

    private static void measureCompleteness(ReleaseInputs inputs, ReleasePolicy policy, Instant at, Measurement m) {
        Registration registration = inputs.registration();
        List<String> gaps = new ArrayList<>();
        int required = 0;
        int present = 0;
        for (String name : registration.requiredArtifacts()) {
            required++;
            Optional<Result> artifact = inputs.currentOf(RehearsalResultKind.UPSTREAM_ARTIFACT).stream()
                    .filter(r -> r.summary(UpstreamArtifact.class).map(a -> a.getName().equals(name)).orElse(false))
                    .reduce((a, b) -> b);
            if (artifact.isEmpty()) {
                gaps.add("upstream artifact " + name + " was not received");
                continue;
            }
            m.cites(artifact.get().eventId());
            UpstreamArtifact summary = artifact.get().summary(UpstreamArtifact.class).orElseThrow();
            if (!SHA256.matcher(summary.getSha256()).matches() || summary.getSizeBytes() <= 0) {
                gaps.add("upstream artifact " + name + " has no valid checksum (SHA-256 " + summary.getSha256() + ", " + summary.getSizeBytes()
                        + " bytes)");
            } else {
                present++;
            }
        }
        for (String kind : registration.requiredApprovals()) {
            if (ReleasePolicy.READINESS.equals(kind)) {
                continue;
            }
            required++;
            List<Approval> given = inputs.approvalsOf(kind);
            Optional<Approval> counting = given.stream().filter(a -> a.countsAt(at)).reduce((a, b) -> b);
            if (counting.isPresent()) {
                present++;
                m.cites(counting.get().eventId());
            } else if (given.isEmpty()) {
                gaps.add("no " + kind + " approval yet (" + String.join(" or ", policy.approvals().rolesFor(kind)) + ")");
            } else {
                Approval last = given.get(given.size() - 1);
                gaps.add("the " + kind + " approval by " + last.approver() + " expired at " + last.expiresAt() + "; it needs renewing");
            }
        }
        double completeness = required == 0 ? 1.0 : present / (double) required;
        m.measured("completeness", completeness);
        if (completeness < policy.intakeConfirmation().minCompleteness()) {
            m.unmet("completeness " + Numbers.format(completeness) + " (" + present + " of " + required
                    + " required artifacts and approvals) is below " + Numbers.format(policy.intakeConfirmation().minCompleteness()));
            gaps.forEach(m::unmet);
        }
    }

    private static void measureDrift(DriftMeasurement drift, ReleasePolicy.IntakeConfirmation thresholds, Measurement m) {
        ConfigurationDrift.Report report = drift.report();
        m.cites(drift.staging().eventId()).cites(drift.production().eventId());
        m.measured("configurationDrift", report.drift());
        m.measured("driftSeverity", report.severity().ordinal(), report.severity().name());
        if (report.drift() > thresholds.maxDrift()) {
            m.unmet("staging differs from production on " + report.differences().size() + " of " + report.comparedKeys()
                    + " compared keys (drift " + Numbers.format(report.drift()) + ", at most " + Numbers.format(thresholds.maxDrift()) + "): "
                    + named(report.differences()));
        }
        if (report.severity().compareTo(thresholds.maxDriftSeverity()) > 0) {
            m.unmet("drift severity " + report.severity() + " is above " + thresholds.maxDriftSeverity() + ": "
                    + named(report.differences().stream().filter(d -> d.severity().compareTo(thresholds.maxDriftSeverity()) > 0).toList()));
        }
    }

    private static String named(List<ConfigurationDrift.Difference> differences) {
        String keys = differences.stream().limit(KEYS_NAMED)
                .map(d -> d.key() + " (" + d.category() + ", " + d.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")")
                .collect(Collectors.joining(", "));
        return differences.size() > KEYS_NAMED ? keys + " and " + (differences.size() - KEYS_NAMED) + " more" : keys;
    }

    private static Optional<Result> snapshotOf(ReleaseInputs inputs, String environment) {
        return inputs.currentOf(RehearsalResultKind.CONFIG_SNAPSHOT).stream()
                .filter(r -> r.summary(ConfigSnapshot.class).map(s -> s.getEnvironment().equals(environment)).orElse(false))
                .reduce((a, b) -> b.receivedAt().isBefore(a.receivedAt()) ? a : b);
    }

    private static ConfigSnapshot entriesOf(Result snapshot) {
        return snapshot.summary(ConfigSnapshot.class).orElseThrow();
    }
}
