package io.gatehouse.intake.results;

import io.gatehouse.intake.rejection.RejectedPayload;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers of a raw result on rehearsals.inbound, which say what the body is: the contract with every producer,
 * intake-service's own endpoints and pipelines that write to Kafka directly alike.
 */
public final class ResultHeaders {

    /** The release id; also the record's key. */
    public static final String RELEASE = "gatehouse-release";
    /** The result's kind, e.g. {@code test-report} ({@link ResultKind#names()}). */
    public static final String RESULT = "gatehouse-result";
    /** smoke, acceptance or regression: the suite of a test report. */
    public static final String SUITE = "gatehouse-suite";
    /** The environment a configuration snapshot was taken of. */
    public static final String ENVIRONMENT = "gatehouse-environment";
    /** The authenticated principal that posted the result over HTTP. */
    public static final String SUBMITTED_BY = "gatehouse-submitted-by";
    /** Who submitted a result produced straight onto rehearsals.inbound without {@value #SUBMITTED_BY}. */
    public static final String KAFKA_PRODUCER = "kafka";

    private static final int SUBMITTER_LIMIT = 256;
    private static final String KIND_UNKNOWN = "pipeline result";

    /** A raw result's address and who submitted it, as its headers say. */
    public record Submission(ResultAddress address, String submittedBy) {
    }

    private ResultHeaders() {
    }

    /** Headers naming {@code address} and {@code submittedBy}, for a result posted over HTTP. */
    public static void write(ResultAddress address, String submittedBy, Headers headers) {
        put(headers, RELEASE, address.release());
        put(headers, RESULT, address.kind().headerValue());
        if (address.kind() == ResultKind.TEST_REPORT) {
            put(headers, SUITE, address.qualifier());
        } else if (address.kind() == ResultKind.CONFIG_SNAPSHOT) {
            put(headers, ENVIRONMENT, address.qualifier());
        }
        put(headers, SUBMITTED_BY, submittedBy);
    }

    /**
     * What the headers of a raw result say.
     *
     * @throws RejectedPayload when a header is missing, names an unknown kind, or holds an unsafe id
     */
    public static Submission read(Headers headers) {
        String kindName = text(headers, RESULT).orElseThrow(() -> RejectedPayload.invalid(KIND_UNKNOWN,
                "the record has no " + RESULT + " header", "set header " + RESULT + " to one of: " + ResultKind.names()));
        ResultKind kind = ResultKind.named(kindName).orElseThrow(() -> RejectedPayload.invalid(KIND_UNKNOWN,
                "header " + RESULT + " names the unknown result \"" + kindName + "\"", "set header " + RESULT + " to one of: " + ResultKind.names()));
        ResultAddress address = ResultAddress.of(text(headers, RELEASE).orElse(null), kind,
                text(headers, SUITE).orElse(null), text(headers, ENVIRONMENT).orElse(null));
        String submittedBy = text(headers, SUBMITTED_BY).orElse(KAFKA_PRODUCER);
        if (submittedBy.isBlank() || submittedBy.length() > SUBMITTER_LIMIT || submittedBy.chars().anyMatch(Character::isISOControl)) {
            throw RejectedPayload.invalid(kind.headerValue(), "header " + SUBMITTED_BY + " is blank, longer than " + SUBMITTER_LIMIT
                    + " characters or holds control characters", "name the principal that submitted the result, or leave the header out");
        }
        return new Submission(address, submittedBy);
    }

    private static Optional<String> text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
