package io.gatehouse.incident.detection;

import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.Severity;
import io.gatehouse.events.SeverityClassified;
import io.gatehouse.events.SeverityInputs;
import io.gatehouse.incident.severity.Classification;
import io.gatehouse.incident.severity.SeveritySignals;
import java.time.Instant;

/** From incident state to the events published about it. */
final class IncidentEvents {

    private IncidentEvents() {
    }

    static IncidentOpened opened(Incident incident, String openingAlertId, String openingEventId) {
        return IncidentOpened.newBuilder()
                .setIncidentId(incident.id)
                .setGroupingKey(incident.groupingKey)
                .setService(incident.service)
                .setAlertName(incident.alertName)
                .setTitle(incident.title)
                .setOpenedAt(incident.openedAt)
                .setOpeningAlertId(openingAlertId)
                .setOpeningEventId(openingEventId)
                .build();
    }

    static SeverityClassified classified(Incident incident, Classification classification, SeveritySignals signals,
                                         Severity previous, Instant at) {
        return SeverityClassified.newBuilder()
                .setIncidentId(incident.id)
                .setSeverity(classification.severity())
                .setPreviousSeverity(previous)
                .setRule(classification.rule())
                .setRationale(classification.rationale())
                .setInputs(SeverityInputs.newBuilder()
                        .setSloBurnRate(signals.sloBurnRate())
                        .setUsersAffectedShare(signals.usersAffectedShare())
                        .setRegionsAffected(signals.regionsAffected())
                        .setSourceSeverity(signals.sourceSeverity())
                        .setServiceTier(signals.serviceTier())
                        .setCustomerFacing(signals.customerFacing())
                        .build())
                .setPolicyVersion(classification.policyVersion())
                .setClassifiedAt(at)
                .build();
    }
}
