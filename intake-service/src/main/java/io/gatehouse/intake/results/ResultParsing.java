package io.gatehouse.intake.results;

import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.coverage.CoverageCounter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Parses a pipeline result into the summary its event carries, the same way over HTTP (to answer 400 at once) and on
 * rehearsals.inbound (to dead-letter it). A summary must fit in a Kafka record of the default size with room to
 * spare: the bytes themselves go to the artifact store, and only their digest and the summary travel.
 */
@ApplicationScoped
public class ResultParsing {

    /** The largest encoded summary: well below the 1 MiB a record on gatehouse.rehearsals may have by default. */
    static final int SUMMARY_LIMIT_BYTES = 768 * 1024;

    private final CoverageCounter coverageCounter;

    public ResultParsing(@ConfigProperty(name = "gatehouse.intake.coverage.counter", defaultValue = "LINE") CoverageCounter coverageCounter) {
        this.coverageCounter = coverageCounter;
    }

    /**
     * @throws RejectedPayload when the body is not a valid result of the address's kind, or its summary is too large
     *     to publish
     */
    public ParsedResult parse(ResultAddress address, byte[] body) {
        ParsedResult parsed = address.kind().parse(address, body, coverageCounter);
        int size = EventCodec.encode(parsed.summary()).length;
        if (size > SUMMARY_LIMIT_BYTES) {
            throw RejectedPayload.invalid(address.kind().headerValue(), "its summary would take " + size + " bytes, more than the "
                    + SUMMARY_LIMIT_BYTES + " a result's event may carry (the summary lists every key, metric, step or finding it has)",
                    "split the result, e.g. one configuration snapshot per component");
        }
        return parsed;
    }
}
