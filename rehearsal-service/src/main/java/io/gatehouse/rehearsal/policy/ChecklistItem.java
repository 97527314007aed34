package io.gatehouse.rehearsal.policy;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An item of the production deployment checklist (gate 4). The policy chooses which items a release needs; what
 * completes each item is fixed here, since it is read from the pipeline's results.
 */
public enum ChecklistItem {
    DEPLOYMENT_RUN_LOG("deployment-run-log", "the staging deployment run log is captured"),
    OBSERVABILITY_BASELINE("observability-baseline", "an observability baseline was captured after the rehearsal"),
    RUNBOOKS_UPDATED("runbooks-updated", "the operational runbooks are updated for the release"),
    ON_CALL_COVERAGE("on-call-coverage", "an on-call primary and backup are named"),
    LICENSE_AUDIT_PASSED("license-audit-passed", "the license audit passed"),
    ROLLBACK_VERIFIED("rollback-verified", "the rollback was rehearsed successfully within the RTO"),
    STAGING_DATA_REFRESHED("staging-data-refreshed", "staging data and feature flags were refreshed before the rehearsal");

    private final String id;
    private final String description;

    ChecklistItem(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The item's name in 14.yaml. */
    public String id() {
        return id;
    }

    /** What the item says when complete, in words a release manager reads. */
    public String description() {
        return description;
    }

    /**
     * The item named {@code id} in 14.yaml.
     *
     * @throws IllegalArgumentException naming the items there are
     */
    public static ChecklistItem of(String id) {
        return Arrays.stream(values()).filter(item -> item.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown deployment checklist item " + id + "; known: "
                        + Arrays.stream(values()).map(ChecklistItem::id).collect(Collectors.joining(", "))));
    }
}
