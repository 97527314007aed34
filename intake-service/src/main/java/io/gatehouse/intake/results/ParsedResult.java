package io.gatehouse.intake.results;

import org.apache.avro.specific.SpecificRecord;

/**
 * A result that was read and checked.
 *
 * @param format the format as received, e.g. junit, jacoco, sarif-2.1.0, yaml
 * @param mediaType the media type the stored bytes have
 * @param scope what a newer result of the same kind must share to supersede this one (suite, environment, artifact
 *     name, scanners), or null when any newer one does
 * @param summary the typed summary RehearsalResultReceived carries
 */
public record ParsedResult(String format, String mediaType, String scope, SpecificRecord summary) {

    static ParsedResult json(SpecificRecord summary) {
        return new ParsedResult("json", ResultKind.JSON, null, summary);
    }
}
