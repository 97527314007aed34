package io.gatehouse.intake.results.junit;

import io.gatehouse.events.TestReportSummary;
import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.parsing.SafeXml;
import io.gatehouse.intake.results.parsing.SafeXml.Element;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JUnit XML report. The counts come from the {@code <testcase>} elements, never from the {@code tests},
 * {@code failures}, {@code errors} and {@code skipped} attributes: runners disagree on them (pytest counts subtests
 * the report does not list, merged reports keep stale totals), and a report can simply lie. Where a suite's
 * declared count differs from what its test cases say, the summary carries a warning.
 *
 * <p>A test case failed when it has a {@code <failure>}, errored when it has an {@code <error>} (and no failure), and
 * was skipped when it has a {@code <skipped>} (and neither); Surefire's {@code <flakyFailure>} of a test that passed
 * on a rerun leaves it passed.
 */
public final class JUnitReports {

    public static final String KIND = "test-report";
    /** How many failed test names the summary lists. */
    static final int FAILED_TESTS_LIMIT = 100;
    /** How many warnings the summary lists; the last one says how many more there were. */
    static final int WARNINGS_LIMIT = 20;
    private static final int NAME_LIMIT = 300;
    private static final String RESOLUTION = "send the JUnit XML report as the test runner wrote it (root element <testsuites> or <testsuite>)";

    private JUnitReports() {
    }

    /**
     * The report's summary.
     *
     * @param suite the suite the pipeline says it is: smoke, acceptance or regression
     * @throws RejectedPayload when the body is not a JUnit XML report, saying why
     */
    public static TestReportSummary parse(byte[] body, String suite) {
        Reading reading = new Reading();
        SafeXml.read(body, KIND, RESOLUTION, reading);
        return reading.summary(suite);
    }

    /** Counts of one suite element, as declared in its attributes and as its test cases say. */
    private static final class Suite {
        private final String label;
        private final Map<String, String> declared;
        private int tests;
        private int failures;
        private int errors;
        private int skipped;

        Suite(String label, Map<String, String> declared) {
            this.label = label;
            this.declared = declared;
        }
    }

    private static final class TestCase {
        private final String name;
        private boolean failed;
        private boolean errored;
        private boolean skipped;

        TestCase(String name) {
            this.name = name;
        }
    }

    private static final class Reading implements SafeXml.Visitor {

        private final Deque<Suite> suites = new ArrayDeque<>();
        private final List<String> failedTests = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private int warningsLeftOut;
        private TestCase testCase;
        private int tests;
        private int failures;
        private int errors;
        private int skipped;

        @Override
        public void start(Element element) {
            String name = element.name();
            if (element.depth() == 0 && !name.equals("testsuites") && !name.equals("testsuite")) {
                throw invalid("the root element is <" + name + ">; a JUnit XML report has <testsuites> or <testsuite>");
            }
            switch (name) {
                case "testsuites", "testsuite" -> {
                    if (testCase != null) {
                        throw invalid("a <" + name + "> inside a <testcase> (line " + element.line() + ")");
                    }
                    String label = "<" + name + element.attribute("name").map(n -> " name=\"" + abbreviated(n) + "\"").orElse("")
                            + "> (line " + element.line() + ")";
                    suites.push(new Suite(label, element.attributes("tests", "failures", "errors", "skipped")));
                }
                case "testcase" -> {
                    if (testCase != null) {
                        throw invalid("a <testcase> inside another <testcase> (line " + element.line() + ")");
                    }
                    String testName = element.attribute("name").filter(n -> !n.isBlank())
                            .orElseThrow(() -> invalid("the <testcase> on line " + element.line() + " has no name attribute"));
                    Optional<String> className = element.attribute("classname").filter(c -> !c.isBlank());
                    testCase = new TestCase(abbreviated(className.map(c -> c + "." + testName).orElse(testName)));
                }
                case "failure", "error", "skipped" -> {
                    if (testCase != null && element.ancestor(1).filter("testcase"::equals).isPresent()) {
                        testCase.failed |= name.equals("failure");
                        testCase.errored |= name.equals("error");
                        testCase.skipped |= name.equals("skipped");
                    }
                }
                default -> {
                    // properties, system-out, system-err and whatever else a runner adds say nothing about outcomes.
                }
            }
        }

        @Override
        public void end(String name) {
            if (name.equals("testcase")) {
                count(testCase);
                testCase = null;
            } else if (name.equals("testsuites") || name.equals("testsuite")) {
                compareDeclaredCounts(suites.pop());
            }
        }

        private void count(TestCase ended) {
            tests++;
            suites.forEach(suite -> suite.tests++);
            if (ended.failed) {
                failures++;
                suites.forEach(suite -> suite.failures++);
            } else if (ended.errored) {
                errors++;
                suites.forEach(suite -> suite.errors++);
            } else if (ended.skipped) {
                skipped++;
                suites.forEach(suite -> suite.skipped++);
            }
            if ((ended.failed || ended.errored) && failedTests.size() < FAILED_TESTS_LIMIT) {
                failedTests.add(ended.name);
            }
        }

        private void compareDeclaredCounts(Suite suite) {
            compare(suite, "tests", suite.tests, "test cases");
            compare(suite, "failures", suite.failures, "failed test cases");
            compare(suite, "errors", suite.errors, "test cases with an error");
            compare(suite, "skipped", suite.skipped, "skipped test cases");
        }

        private void compare(Suite suite, String attribute, int counted, String what) {
            Optional<String> declared = Optional.ofNullable(suite.declared.get(attribute));
            if (declared.isEmpty()) {
                return;
            }
            String value = declared.get().strip();
            long number;
            try {
                number = Long.parseLong(value);
            } catch (NumberFormatException notACount) {
                warn(suite.label + " declares " + attribute + "=\"" + abbreviated(value) + "\", which is not a count");
                return;
            }
            if (number != counted) {
                warn(suite.label + " declares " + attribute + "=\"" + number + "\" but holds " + counted + " " + what);
            }
        }

        private void warn(String warning) {
            if (warnings.size() < WARNINGS_LIMIT) {
                warnings.add(warning);
            } else {
                warningsLeftOut++;
            }
        }

        TestReportSummary summary(String suite) {
            List<String> allWarnings = new ArrayList<>(warnings);
            if (warningsLeftOut > 0) {
                allWarnings.add("and " + warningsLeftOut + " more declared counts that differ from the test cases");
            }
            if (tests == 0) {
                allWarnings.add("the report holds no test cases");
            }
            return TestReportSummary.newBuilder().setSuite(suite).setTests(tests).setFailures(failures).setErrors(errors)
                    .setSkipped(skipped).setFailedTests(failedTests).setWarnings(allWarnings).build();
        }

        private static RejectedPayload invalid(String context) {
            return RejectedPayload.invalid(KIND, context, RESOLUTION);
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= NAME_LIMIT ? text : text.substring(0, NAME_LIMIT) + "...";
    }
}
