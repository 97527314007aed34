package io.gatehouse.incident;

/** Where an incident is in its life. Later phases of protocol 17 add their states here. */
public enum IncidentStatus {
    /** Alerts of its group join it. */
    OPEN,
    /** Closed: a responder found its alerts reflected no real problem. Alerts of its group open a new incident. */
    FALSE_POSITIVE,
    /** Closed: resolved, documented, and gate 4 passed. Alerts of its group open a new incident. */
    RESOLVED
}
