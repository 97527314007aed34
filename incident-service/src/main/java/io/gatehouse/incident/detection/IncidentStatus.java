package io.gatehouse.incident.detection;

/** Where an incident is in its life. Later phases of protocol 17 add their states here. */
public enum IncidentStatus {
    /** Alerts of its group join it. */
    OPEN
}
