package io.gatehouse.intake.results.coverage;

import io.gatehouse.events.CoverageSummary;
import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.parsing.SafeXml;
import io.gatehouse.intake.results.parsing.SafeXml.Element;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JaCoCo or a Cobertura XML report, told apart by the root element ({@code <report>} or {@code <coverage>}).
 *
 * <p>JaCoCo: the package-level {@code <counter>} of the configured type, summed over every package (also those in
 * {@code <group>}s). Cobertura: the {@code <line>}s of every class, covered when their hits are above 0 (for BRANCH,
 * the conditions of each branch line); its {@code line-rate}/{@code branch-rate} of {@code NaN} means nothing was
 * measured. Every counter, hit count and condition count is checked: negative or non-numeric ones refuse the report.
 */
public final class CoverageReports {

    public static final String KIND = "coverage";
    public static final String JACOCO = "jacoco";
    public static final String COBERTURA = "cobertura";
    private static final String RESOLUTION = "send the XML report as JaCoCo (report.xml) or Cobertura (coverage.xml) wrote it";
    private static final Pattern CONDITIONS = Pattern.compile("\\((\\d+)/(\\d+)\\)");

    private CoverageReports() {
    }

    /**
     * The report's summary for {@code counter}.
     *
     * @throws RejectedPayload when the body is not a JaCoCo or Cobertura report, or holds counts that cannot be
     */
    public static CoverageSummary parse(byte[] body, CoverageCounter counter) {
        Reading reading = new Reading(counter);
        SafeXml.read(body, KIND, RESOLUTION, reading);
        return reading.summary();
    }

    private static final class Reading implements SafeXml.Visitor {

        private final CoverageCounter counter;
        private String format;
        private CoverageCounter measured;
        private boolean notEvaluated;
        private long covered;
        private long missed;

        Reading(CoverageCounter counter) {
            this.counter = counter;
        }

        @Override
        public void start(Element element) {
            if (element.depth() == 0) {
                recogniseFormat(element);
            } else if (format.equals(JACOCO)) {
                jacoco(element);
            } else {
                cobertura(element);
            }
        }

        private void recogniseFormat(Element root) {
            switch (root.name()) {
                case "report" -> {
                    format = JACOCO;
                    measured = counter;
                }
                case "coverage" -> {
                    format = COBERTURA;
                    measured = counter == CoverageCounter.BRANCH ? CoverageCounter.BRANCH : CoverageCounter.LINE;
                    String rate = measured == CoverageCounter.BRANCH ? "branch-rate" : "line-rate";
                    notEvaluated = root.attribute(rate).map(r -> r.strip().equalsIgnoreCase("NaN")).orElse(false);
                }
                default -> throw invalid("the root element is <" + root.name() + ">; a JaCoCo report has <report> and a Cobertura report <coverage>");
            }
        }

        private void jacoco(Element element) {
            if (!element.name().equals("counter")) {
                return;
            }
            String type = element.attribute("type").orElseThrow(() -> invalid("the <counter> on line " + element.line() + " has no type"));
            long counterMissed = count(element, "missed");
            long counterCovered = count(element, "covered");
            if (type.equals(counter.name()) && element.ancestor(1).filter("package"::equals).isPresent()) {
                missed = add(missed, counterMissed);
                covered = add(covered, counterCovered);
            }
        }

        private void cobertura(Element element) {
            boolean classLine = element.name().equals("line") && element.ancestor(1).filter("lines"::equals).isPresent()
                    && element.ancestor(2).filter("class"::equals).isPresent();
            if (!classLine) {
                return;
            }
            long hits = count(element, "hits");
            if (measured == CoverageCounter.LINE) {
                if (hits > 0) {
                    covered = add(covered, 1);
                } else {
                    missed = add(missed, 1);
                }
            } else if (element.attribute("branch").filter("true"::equalsIgnoreCase).isPresent()) {
                String conditions = element.attribute("condition-coverage")
                        .orElseThrow(() -> invalid("the branch <line> on line " + element.line() + " has no condition-coverage"));
                Matcher matcher = CONDITIONS.matcher(conditions);
                long coveredConditions;
                long allConditions;
                try {
                    if (!matcher.find()) {
                        throw new NumberFormatException(conditions);
                    }
                    coveredConditions = Long.parseLong(matcher.group(1));
                    allConditions = Long.parseLong(matcher.group(2));
                } catch (NumberFormatException e) {
                    throw invalid("the <line> on line " + element.line() + " has condition-coverage=\"" + conditions
                            + "\"; it should read like \"50% (1/2)\"");
                }
                if (coveredConditions > allConditions) {
                    throw invalid("the <line> on line " + element.line() + " covers more conditions than it has: " + conditions);
                }
                covered = add(covered, coveredConditions);
                missed = add(missed, allConditions - coveredConditions);
            }
        }

        /** A count attribute, which must be a whole number of at least 0. */
        private static long count(Element element, String attribute) {
            String value = element.attribute(attribute)
                    .orElseThrow(() -> invalid("the <" + element.name() + "> on line " + element.line() + " has no " + attribute));
            long count;
            try {
                count = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw invalid("the <" + element.name() + "> on line " + element.line() + " has " + attribute + "=\"" + abbreviated(value)
                        + "\", which is not a count");
            }
            if (count < 0) {
                throw invalid("the <" + element.name() + "> on line " + element.line() + " has the negative " + attribute + "=\"" + count + "\"");
            }
            return count;
        }

        private static long add(long sum, long more) {
            try {
                return Math.addExact(sum, more);
            } catch (ArithmeticException e) {
                throw invalid("the report's counts add up to more than " + Long.MAX_VALUE);
            }
        }

        CoverageSummary summary() {
            long units = add(covered, missed);
            Double ratio = notEvaluated || units == 0 ? null : (double) covered / units;
            return CoverageSummary.newBuilder().setFormat(format).setCounter(measured.name()).setCovered(covered).setMissed(missed)
                    .setRatio(ratio).build();
        }
    }

    private static RejectedPayload invalid(String context) {
        return RejectedPayload.invalid(KIND, context, RESOLUTION);
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
