package io.gatehouse.audit.log;

import io.gatehouse.events.Topics;
import java.util.List;

/** The topics an audit reads: the domain topics the ledger records, the ledger's own order and checkpoints, the seals. */
public final class AuditedTopics {

    /** Every topic whose events evidence-service records in the ledger. */
    public static final List<String> DOMAIN = List.of(Topics.ALERTS, Topics.INCIDENTS, Topics.ROLLBACKS, Topics.REHEARSALS, Topics.RELEASES);

    private AuditedTopics() {
    }

    public static boolean isDomain(String topic) {
        return DOMAIN.contains(topic);
    }
}
