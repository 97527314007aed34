package io.gatehouse.intake.results;

import io.gatehouse.intake.rejection.RejectedPayload;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which release a result is for, what kind it is, and its qualifier where the kind has one: the suite of a test
 * report, the environment of a configuration snapshot. Ids travel into topics, headers, file names of evidence and
 * URLs, so only letters, digits, '.', '_' and '-' are accepted, starting with a letter or digit: no path separator,
 * no "..", nothing a shell or a URL would read differently.
 */
public record ResultAddress(String release, ResultKind kind, String qualifier) {

    private static final List<String> SUITES = List.of("smoke", "acceptance", "regression");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /**
     * The address of a result sent for {@code release}; {@code suite} counts for a test report only,
     * {@code environment} for a configuration snapshot only.
     *
     * @throws RejectedPayload when the release id, the suite or the environment is missing or unsafe
     */
    public static ResultAddress of(String release, ResultKind kind, String suite, String environment) {
        requireSafe("release id", release, kind);
        if (kind == ResultKind.TEST_REPORT) {
            if (suite == null || !SUITES.contains(suite)) {
                throw refused(kind, "the suite is " + (suite == null ? "missing" : "\"" + abbreviated(suite) + "\"")
                        + "; a test report is for suite smoke, acceptance or regression",
                        "name the suite: ?suite=smoke|acceptance|regression over HTTP, header " + ResultHeaders.SUITE + " on Kafka");
            }
            return new ResultAddress(release, kind, suite);
        }
        if (kind == ResultKind.CONFIG_SNAPSHOT) {
            requireSafe("environment", environment, kind);
            return new ResultAddress(release, kind, environment);
        }
        return new ResultAddress(release, kind, null);
    }

    private static void requireSafe(String what, String id, ResultKind kind) {
        if (id == null || id.isEmpty()) {
            throw refused(kind, "the " + what + " is missing", "name it in the path (HTTP) or its header (Kafka)");
        }
        if (!SAFE_ID.matcher(id).matches()) {
            throw refused(kind, "the " + what + " \"" + abbreviated(id) + "\" holds characters Gatehouse does not accept in an id",
                    "use at most 128 letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
    }

    private static RejectedPayload refused(ResultKind kind, String context, String resolution) {
        return RejectedPayload.invalid(kind.headerValue(), context, resolution);
    }

    private static String abbreviated(String text) {
        String printable = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= 64 ? printable : printable.substring(0, 64) + "...";
    }
}
