package io.gatehouse.audit.bench;

import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.GateStanding;
import io.gatehouse.events.IncidentMarkedFalsePositive;
import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.IncidentResolved;
import io.gatehouse.events.ReleaseDecided;
import io.gatehouse.events.ReleaseDecision;
import io.gatehouse.events.ReleaseRegistered;
import io.gatehouse.events.Severity;
import io.gatehouse.events.SeverityClassified;
import io.gatehouse.events.SeverityInputs;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Well-formed domain events as Gatehouse's services publish them, ids and times fixed by their arguments so the same
 * call gives the same log: alerts in bulk, and subjects that reach a point their protocol calls final.
 */
public final class SyntheticEvents {

    public static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");
    private static final String INTAKE = "/gatehouse/intake-service";
    private static final String INCIDENTS = "/gatehouse/incident-service";
    private static final String REHEARSALS = "/gatehouse/rehearsal-service";
    private static final String POLICY_14 = "9f2c1a7e5b3d4c6f8e0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a";

    private SyntheticEvents() {
    }

    /**
     * The bench's log: {@code count} events, the incident {@code inc-bench-1} (resolved, gate 4 passed) and the release
     * {@code bench-release-1} (decided NO_GO) spread through alerts of 100 alert groups.
     */
    public static List<DomainEvent> log(int count) {
        List<DomainEvent> subjects = new ArrayList<>(resolvedIncident("inc-bench-1", T0));
        subjects.addAll(noGoRelease("bench-release-1", T0.plusSeconds(60)));
        if (count < subjects.size()) {
            throw new IllegalArgumentException("a bench log has at least " + subjects.size() + " events");
        }
        List<DomainEvent> alerts = alerts(count - subjects.size(), T0);
        List<DomainEvent> log = new ArrayList<>(count);
        int every = Math.max(1, alerts.size() / (subjects.size() + 1));
        for (int i = 0, s = 0; i < alerts.size() || s < subjects.size(); i++) {
            if (i < alerts.size()) {
                log.add(alerts.get(i));
            }
            if (s < subjects.size() && (i % every == every - 1 || i >= alerts.size())) {
                log.add(subjects.get(s++));
            }
        }
        return log;
    }

    /** Opened, classified, resolved, and gate 4 passed: protocol 17's final point. */
    public static List<DomainEvent> resolvedIncident(String incidentId, Instant openedAt) {
        return List.of(
                incident(incidentId, openedAt, IncidentOpened.newBuilder().setIncidentId(incidentId).setGroupingKey("checkout:CheckoutHighErrorRate")
                        .setService("checkout").setAlertName("CheckoutHighErrorRate").setTitle("Checkout 5xx error rate above threshold")
                        .setOpenedAt(openedAt).setOpeningAlertId("7e163a67800d46bf").setOpeningEventId("alert-" + incidentId).build()),
                incident(incidentId, openedAt.plusSeconds(1), classified(incidentId, openedAt.plusSeconds(1))),
                incident(incidentId, openedAt.plusSeconds(3600), IncidentResolved.newBuilder().setIncidentId(incidentId).setResolvedBy("alice")
                        .setSummary("A bad checkout release was rolled back.").setSloRestored(true).setAlertsCleared(true)
                        .setFollowUps(List.of("Add a canary stage for checkout")).setResolvedAt(openedAt.plusSeconds(3600)).build()),
                incident(incidentId, openedAt.plusSeconds(3601), GateEvaluated.newBuilder().setSubject(incidentId).setProtocol(17).setGate(4)
                        .setName("Resolution & documentation").setOutcome(GateOutcome.PASSED)
                        .setMetrics(Map.of("documentationCompleteness", 1.0, "stakeholdersNotifiedOfResolution", 1.0))
                        .setThresholds(Map.of("documentationCompleteness", ">= 0.95", "stakeholdersNotifiedOfResolution", "= 1"))
                        .setUnmetConditions(List.of()).setPolicyVersion("17.yaml@3").setEvidenceEventIds(List.of())
                        .setEvaluatedAt(openedAt.plusSeconds(3601)).build()));
    }

    /** Opened, classified, and closed as a false positive: another of protocol 17's final points. */
    public static List<DomainEvent> falsePositiveIncident(String incidentId, Instant openedAt) {
        return List.of(
                incident(incidentId, openedAt, IncidentOpened.newBuilder().setIncidentId(incidentId).setGroupingKey("search:SearchLatencyHigh")
                        .setService("search").setAlertName("SearchLatencyHigh").setTitle("Search p99 latency above threshold")
                        .setOpenedAt(openedAt).setOpeningAlertId("0b5d6e7f8a9b0c1d").setOpeningEventId("alert-" + incidentId).build()),
                incident(incidentId, openedAt.plusSeconds(1), classified(incidentId, openedAt.plusSeconds(1))),
                incident(incidentId, openedAt.plusSeconds(300), IncidentMarkedFalsePositive.newBuilder().setIncidentId(incidentId).setMarkedBy("bob")
                        .setReason("a load test, announced in #releases").setMarkedAt(openedAt.plusSeconds(300)).build()));
    }

    /** Registered and decided NO_GO, none of its gates evaluated: protocol 14's final point, with an attestation. */
    public static List<DomainEvent> noGoRelease(String releaseId, Instant registeredAt) {
        ReleaseRegistered registered = ReleaseRegistered.newBuilder().setReleaseId(releaseId).setService("checkout").setVersion(releaseId)
                .setStagingEnvironment("staging-eu").setProductionEnvironment("production-eu").setRtoMinutes(10).setPreviousRelease(null)
                .setRequiredArtifacts(List.of("QUALITY-AUDIT-PACKAGE.zip")).setRequiredApprovals(List.of("readiness"))
                .setExpectedDifferences(List.of("db.host")).setPolicyVersion(POLICY_14).setRegisteredBy("ci").setRegisteredAt(registeredAt).build();
        List<GateStanding> gates = new ArrayList<>();
        for (int gate = 1; gate <= 4; gate++) {
            gates.add(GateStanding.newBuilder().setGate(gate).setOutcome(GateOutcome.NOT_EVALUATED).build());
        }
        ReleaseDecided decided = ReleaseDecided.newBuilder().setRelease(releaseId).setDecision(ReleaseDecision.NO_GO)
                .setReasons(List.of("gate 1: QUALITY-AUDIT-PACKAGE.zip has not arrived")).setGates(gates).setPolicyVersion(POLICY_14)
                .setEvidenceEventIds(List.of()).setDecidedAt(registeredAt.plusSeconds(1)).build();
        return List.of(event(Topics.RELEASES, REHEARSALS, releaseId, registeredAt, registered),
                event(Topics.RELEASES, REHEARSALS, releaseId, registeredAt.plusSeconds(1), decided));
    }

    /** {@code count} firing alerts of 100 alert groups, a millisecond apart. */
    public static List<DomainEvent> alerts(int count, Instant from) {
        List<DomainEvent> alerts = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String service = "service-" + (n % 100);
            String group = service + "/HighErrorRate";
            Instant at = from.plusMillis(n);
            AlertReceived alert = AlertReceived.newBuilder().setAlertId(String.format(java.util.Locale.ROOT, "%016x", n)).setSource("alertmanager")
                    .setStatus(AlertStatus.FIRING).setAlertName("HighErrorRate").setService(service)
                    .setLabels(Map.of("alertname", "HighErrorRate", "service", service, "severity", "page"))
                    .setAnnotations(Map.of("summary", "5xx above 2 % for 5 minutes")).setStartsAt(at).setReceivedAt(at)
                    .setInboundRecord("alerts.inbound/0@" + n).build();
            alerts.add(event(Topics.ALERTS, INTAKE, group, at, alert));
        }
        return alerts;
    }

    private static SeverityClassified classified(String incidentId, Instant at) {
        return SeverityClassified.newBuilder().setIncidentId(incidentId).setSeverity(Severity.SEV_1).setRule("sev1.burn-rate")
                .setRationale("SLO burn rate 16.2 >= 14.4")
                .setInputs(SeverityInputs.newBuilder().setSloBurnRate(16.2).setUsersAffectedShare(0.3).setRegionsAffected(1)
                        .setServiceTier(1).setCustomerFacing(true).build())
                .setPolicyVersion("17.yaml@3").setClassifiedAt(at).build();
    }

    private static DomainEvent incident(String incidentId, Instant at, SpecificRecord body) {
        return event(Topics.INCIDENTS, INCIDENTS, incidentId, at, body);
    }

    /** The id is derived from the subject, the type and the time, as a service derives it from the event's cause. */
    private static DomainEvent event(String topic, String source, String subject, Instant at, SpecificRecord body) {
        String id = CloudEvent.deriveId(subject, body.getSchema().getFullName(), at.toString());
        return new DomainEvent(topic, CloudEvent.of(body, id, source, subject, at), body);
    }
}
