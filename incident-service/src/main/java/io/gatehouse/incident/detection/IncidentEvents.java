package io.gatehouse.incident.detection;

import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.Severity;
import io.gatehouse.events.SeverityClassified;
import io.gatehouse.events.SeverityInputs;
import io.gatehouse.incident.Incident;
import io.gatehouse.incident.severity.Classification;
import io.gatehouse.incident.severity.SeveritySignals;
import java.time.Instant;

/** From incident state to the events published about it. */
final class IncidentEvents {

    private IncidentEvents() {
    }

    static IncidentOpened opened(Incident incident, String openingAlertId, String openingEventId) {
        return IncidentOpened.newBuilder()
                .setIncidentId(incident.id())
                .setGroupingKey(incident.groupingKey())
                .setService(incident.service())
                .setAlertName(incident.alertName())
                .setTitle(incident.title())
                .setOpenedAt(incident.openedAt())
                .setOpeningAlertId(openingAlertId)
                .setOpeningEventId(openingEventId)
                .build();
    }

    /**
     * @param previous the severity the incident had before, when it was classified already
     * @param settled the severity the incident commander settled on, which stands: the classification is a proposal
     */
    static SeverityClassified classified(String incidentId, Classification classification, SeveritySignals signals, Severity previous,
                                         Severity settled, Instant at) {
        return SeverityClassified.newBuilder()
                .setIncidentId(incidentId)
                .setSeverity(classification.severity())
                .setPreviousSeverity(previous)
                .setSettledSeverity(settled)
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
