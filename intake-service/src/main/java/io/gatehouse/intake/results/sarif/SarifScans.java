package io.gatehouse.intake.results.sarif;

import io.gatehouse.events.FindingSeverity;
import io.gatehouse.events.SecurityFinding;
import io.gatehouse.events.SecurityScanSummary;
import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.parsing.JsonDocuments;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads a SARIF 2.1.0 log from any scanner. The {@code $schema} may name any copy of the 2.1.0 schema, the OASIS
 * one or a pre-release such as {@code sarif-2.1.0-rtm.5}; what counts is {@code version} "2.1.0". Severity is read
 * as {@link FindingSeverities} says. A suppressed result (a non-empty {@code suppressions} whose entries are all
 * accepted, the default status) is waived in the scan: counted, listed, never blocking; a suppression still under
 * review or rejected suppresses nothing.
 */
public final class SarifScans {

    public static final String KIND = "security-scan";
    public static final String FORMAT = "sarif-2.1.0";
    /** How many findings above MEDIUM the summary lists, the blocking ones first. */
    static final int FINDINGS_LIMIT = 100;
    private static final int MESSAGE_LIMIT = 500;
    private static final String VERSION = "2.1.0";
    private static final String RESOLUTION = "send the SARIF 2.1.0 log as the scanner wrote it";

    /** A scan's summary, and the scanners that ran it: a newer scan by the same scanners supersedes this one. */
    public record ParsedScan(SecurityScanSummary summary, String scanners) {
    }

    private SarifScans() {
    }

    /**
     * @throws RejectedPayload when the body is not a SARIF 2.1.0 log, saying why
     */
    public static ParsedScan parse(byte[] body) {
        Sarif.Log log = JsonDocuments.bind(body, Sarif.Log.class, KIND, "a SARIF log (a JSON object)", RESOLUTION);
        if (log == null) {
            throw invalid("the body is JSON null, not a SARIF log");
        }
        checkVersion(log);
        if (log.runs() == null) {
            throw invalid("runs is missing; a SARIF log has a runs array, empty when nothing ran");
        }
        Map<FindingSeverity, Integer> counts = new EnumMap<>(FindingSeverity.class);
        List<SecurityFinding> aboveMedium = new ArrayList<>();
        List<String> tools = new ArrayList<>();
        TreeSet<String> scanners = new TreeSet<>();
        int findings = 0;
        int blocking = 0;
        int suppressed = 0;
        for (int r = 0; r < log.runs().size(); r++) {
            Sarif.Run run = log.runs().get(r);
            if (run == null || run.tool() == null || run.tool().driver() == null) {
                throw invalid("runs[" + r + "].tool.driver is missing; SARIF names the scanner there");
            }
            Sarif.ToolComponent driver = run.tool().driver();
            String scanner = driver.name() == null || driver.name().isBlank() ? "unnamed scanner" : driver.name().strip();
            scanners.add(scanner);
            tools.add(Optional.ofNullable(driver.version()).or(() -> Optional.ofNullable(driver.semanticVersion()))
                    .map(version -> scanner + " " + version).orElse(scanner));
            List<Sarif.Result> results = run.results() == null ? List.of() : run.results();
            for (int i = 0; i < results.size(); i++) {
                Sarif.Result result = results.get(i);
                if (result == null) {
                    throw invalid("runs[" + r + "].results[" + i + "] is null");
                }
                findings++;
                Optional<Sarif.Rule> rule = ruleOf(result, run.tool());
                FindingSeverity severity = FindingSeverities.of(result, rule.orElse(null));
                boolean isSuppressed = isSuppressed(result);
                if (isSuppressed) {
                    suppressed++;
                } else {
                    counts.merge(severity, 1, Integer::sum);
                }
                if (severity.compareTo(FindingSeverity.MEDIUM) > 0) {
                    if (!isSuppressed) {
                        blocking++;
                    }
                    aboveMedium.add(finding(result, rule, severity, isSuppressed));
                }
            }
        }
        Map<String, Integer> countsBySeverity = new LinkedHashMap<>();
        for (FindingSeverity severity : FindingSeverity.values()) {
            countsBySeverity.put(severity.name(), counts.getOrDefault(severity, 0));
        }
        // Blocking first, the most severe first, so the cap never hides a blocking finding behind a waived one.
        aboveMedium.sort(Comparator.comparing(SecurityFinding::getSuppressed)
                .thenComparing(SecurityFinding::getSeverity, Comparator.reverseOrder()));
        SecurityScanSummary summary = SecurityScanSummary.newBuilder().setTools(tools).setFindings(findings)
                .setCountsBySeverity(countsBySeverity).setBlocking(blocking).setSuppressed(suppressed)
                .setBlockingFindings(List.copyOf(aboveMedium.subList(0, Math.min(FINDINGS_LIMIT, aboveMedium.size()))))
                .build();
        return new ParsedScan(summary, scanners.isEmpty() ? null : String.join(", ", scanners));
    }

    private static void checkVersion(Sarif.Log log) {
        if (log.version() == null) {
            // Some writers leave version out; their $schema still says which SARIF they wrote.
            if (log.schema() == null || !log.schema().contains(VERSION)) {
                throw invalid("version is missing and $schema does not name SARIF " + VERSION + "; Gatehouse reads SARIF " + VERSION);
            }
        } else if (!log.version().equals(VERSION)) {
            throw invalid("version is \"" + log.version() + "\"; Gatehouse reads SARIF " + VERSION);
        }
    }

    /**
     * The rule a result refers to: by index ({@code ruleIndex} or {@code rule.index}, in the driver or the extension
     * {@code rule.toolComponent.index} names), else by id ({@code ruleId} or {@code rule.id}, or the part of a
     * hierarchical id before its first '/'), in the driver first, then in the extensions.
     */
    private static Optional<Sarif.Rule> ruleOf(Sarif.Result result, Sarif.Tool tool) {
        Sarif.RuleReference reference = result.rule();
        Integer index = result.ruleIndex() != null ? result.ruleIndex() : reference == null ? null : reference.index();
        Sarif.ToolComponent component = tool.driver();
        if (reference != null && reference.toolComponent() != null && reference.toolComponent().index() != null) {
            int extension = reference.toolComponent().index();
            List<Sarif.ToolComponent> extensions = tool.extensions() == null ? List.of() : tool.extensions();
            component = extension >= 0 && extension < extensions.size() ? extensions.get(extension) : null;
        }
        if (index != null && component != null && component.rules() != null && index >= 0 && index < component.rules().size()) {
            return Optional.ofNullable(component.rules().get(index));
        }
        String id = ruleIdOf(result);
        if (id == null) {
            return Optional.empty();
        }
        String baseId = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
        List<Sarif.ToolComponent> components = new ArrayList<>();
        components.add(tool.driver());
        if (tool.extensions() != null) {
            components.addAll(tool.extensions());
        }
        for (String candidate : List.of(id, baseId)) {
            Optional<Sarif.Rule> rule = components.stream().filter(Objects::nonNull).filter(c -> c.rules() != null)
                    .flatMap(c -> c.rules().stream()).filter(Objects::nonNull).filter(r -> candidate.equals(r.id())).findFirst();
            if (rule.isPresent()) {
                return rule;
            }
        }
        return Optional.empty();
    }

    private static String ruleIdOf(Sarif.Result result) {
        return result.ruleId() != null ? result.ruleId() : result.rule() == null ? null : result.rule().id();
    }

    private static boolean isSuppressed(Sarif.Result result) {
        List<Sarif.Suppression> suppressions = result.suppressions();
        return suppressions != null && !suppressions.isEmpty()
                && suppressions.stream().allMatch(s -> s == null || s.status() == null || s.status().equals("accepted"));
    }

    private static SecurityFinding finding(Sarif.Result result, Optional<Sarif.Rule> rule, FindingSeverity severity, boolean isSuppressed) {
        String ruleId = Optional.ofNullable(ruleIdOf(result)).or(() -> rule.map(Sarif.Rule::id)).orElse("(no rule id)");
        String message = Optional.ofNullable(result.message()).map(m -> m.text() != null ? m.text() : m.markdown())
                .or(() -> rule.map(Sarif.Rule::shortDescription).map(Sarif.Message::text))
                .orElse("");
        return SecurityFinding.newBuilder().setRuleId(ruleId).setSeverity(severity).setMessage(abbreviated(message.strip()))
                .setLocation(locationOf(result)).setSuppressed(isSuppressed).build();
    }

    /** file:line of the first location, or its logical location, when the result says where. */
    private static String locationOf(Sarif.Result result) {
        if (result.locations() == null || result.locations().isEmpty() || result.locations().get(0) == null) {
            return null;
        }
        Sarif.Location location = result.locations().get(0);
        Sarif.PhysicalLocation physical = location.physicalLocation();
        if (physical != null && physical.artifactLocation() != null && physical.artifactLocation().uri() != null) {
            String line = physical.region() == null || physical.region().startLine() == null ? "" : ":" + physical.region().startLine();
            return abbreviated(physical.artifactLocation().uri() + line);
        }
        if (location.logicalLocations() != null && !location.logicalLocations().isEmpty() && location.logicalLocations().get(0) != null) {
            Sarif.LogicalLocation logical = location.logicalLocations().get(0);
            return Optional.ofNullable(logical.fullyQualifiedName()).or(() -> Optional.ofNullable(logical.name())).map(SarifScans::abbreviated).orElse(null);
        }
        return null;
    }

    private static String abbreviated(String text) {
        return text.length() <= MESSAGE_LIMIT ? text : text.substring(0, MESSAGE_LIMIT) + "...";
    }

    private static RejectedPayload invalid(String context) {
        return RejectedPayload.invalid(KIND, context, RESOLUTION);
    }
}
