package io.gatehouse.intake.results.sarif;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The parts of a SARIF 2.1.0 log that Gatehouse reads. Everything else (code flows, fingerprints, artifacts,
 * invocations...) is skipped while reading and never held in memory, so a log of many megabytes stays cheap.
 */
final class Sarif {

    private Sarif() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Run(Tool tool, List<Result> results) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tool(ToolComponent driver, List<ToolComponent> extensions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ToolComponent(String name, String version, String semanticVersion, List<Rule> rules) {
    }

    /** A rule ({@code reportingDescriptor}): its default level and its properties, where scanners put security-severity. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rule(String id, Configuration defaultConfiguration, JsonNode properties, Message shortDescription) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Configuration(String level) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(String ruleId, Integer ruleIndex, RuleReference rule, String kind, String level, Message message,
                  List<Location> locations, List<Suppression> suppressions, JsonNode properties) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RuleReference(String id, Integer index, ToolComponentReference toolComponent) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ToolComponentReference(Integer index) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(String text, String markdown) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Location(PhysicalLocation physicalLocation, List<LogicalLocation> logicalLocations) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ArtifactLocation(String uri) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Region(Integer startLine) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LogicalLocation(String fullyQualifiedName, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Suppression(String status) {
    }
}
