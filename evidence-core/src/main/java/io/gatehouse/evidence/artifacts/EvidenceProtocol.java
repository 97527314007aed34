package io.gatehouse.evidence.artifacts;

import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * What one protocol's evidence is: which subjects it covers, the artifacts it declares, its bundle's name and what
 * its evidence depends on and feeds. {@link EvidenceRenderer} does the rest the same way for every protocol.
 */
public interface EvidenceProtocol {

    /** 14 or 17. */
    int number();

    /** The ZIP of the whole set, e.g. INCIDENT-EVIDENCE-BUNDLE.zip. */
    String bundleName();

    /** Whether a subject whose ledger entries have these CloudEvents types is this protocol's subject. */
    boolean covers(Set<String> eventTypes);

    /**
     * Whether recording this event of one of the protocol's subjects reaches a point the protocol calls final, where
     * the evidence is sealed: the bundle rendered from the subject's events up to and including this one.
     */
    boolean isFinal(SpecificRecord event);

    /** The set: every artifact declared once, with its sources, from the subject's events. */
    EvidencePlan plan(SubjectHistory history);

    /** Evidence of another protocol that this one relies on. */
    List<EvidenceManifest.Upstream> upstream(SubjectHistory history);

    /** Who reads this evidence next. */
    List<EvidenceManifest.Downstream> downstream(SubjectHistory history, EvidencePlan plan);
}
