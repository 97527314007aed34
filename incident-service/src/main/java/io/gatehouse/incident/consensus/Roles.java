package io.gatehouse.incident.consensus;

/** Roles of protocol 17, as the groups claim of a bearer token names them. */
public final class Roles {

    public static final String INCIDENT_COMMANDER = "incident-commander";
    public static final String RESPONDER = "responder";
    public static final String RELEASE_MANAGER = "release-manager";
    /** Reviews the recovery validation after resolution (reviewer sign-off). */
    public static final String PERFORMANCE_ENGINEER = "performance-engineer";

    private Roles() {
    }
}
