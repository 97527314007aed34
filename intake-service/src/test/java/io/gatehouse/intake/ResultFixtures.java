package io.gatehouse.intake;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The test's own pipeline results, one of each kind, small and valid. */
public final class ResultFixtures {

    public static final String JUNIT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="CheckoutSmokeTest" tests="3" failures="1" errors="0" skipped="0">
              <testcase classname="CheckoutSmokeTest" name="paysWithCard"/>
              <testcase classname="CheckoutSmokeTest" name="paysWithVoucher"><failure message="HTTP 502"/></testcase>
              <testcase classname="CheckoutSmokeTest" name="listsOrders"/>
            </testsuite>
            """;
    public static final String JACOCO = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">
            <report name="checkout">
              <package name="shop/checkout"><counter type="LINE" missed="5" covered="90"/></package>
              <package name="shop/payment"><counter type="LINE" missed="5" covered="0"/></package>
            </report>
            """;
    public static final String SARIF = """
            {"$schema": "https://json.schemastore.org/sarif-2.1.0-rtm.5.json", "version": "2.1.0", "runs": [{
              "tool": {"driver": {"name": "Trivy", "version": "0.50.1", "rules": [{"id": "CVE-2024-0001", "properties": {"security-severity": "9.8"}}]}},
              "results": [{"ruleId": "CVE-2024-0001", "ruleIndex": 0, "level": "warning", "message": {"text": "libfoo 1.2 is vulnerable"},
                           "locations": [{"physicalLocation": {"artifactLocation": {"uri": "lib/libfoo.so"}, "region": {"startLine": 1}}}]}]}]}
            """;
    public static final String SECRET_DIGEST = "sha256:" + "0123456789abcdef".repeat(4);
    public static final String CONFIG_SNAPSHOT_YAML = """
            environment: staging
            entries:
              - {key: replicas, value: 2, category: infrastructure}
              - {key: db.password, value: "%s", category: secret}
            """.formatted(SECRET_DIGEST);
    public static final String DEPLOYMENT = """
            {"status": "SUCCEEDED", "startedAt": "2025-03-01T14:00:00Z", "finishedAt": "2025-03-01T14:06:00Z",
             "blockingErrors": 0, "nonBlockingErrors": 1,
             "steps": [{"name": "deploy", "status": "SUCCEEDED", "startedAt": "2025-03-01T14:00:00Z", "finishedAt": "2025-03-01T14:05:00Z"}],
             "log": "%s"}""";
    public static final String ROLLBACK = """
            {"status": "SUCCEEDED", "startedAt": "2025-03-01T15:00:00Z", "finishedAt": "2025-03-01T15:04:00Z",
             "steps": [{"name": "rollback.sh", "status": "SUCCEEDED"}]}""";
    public static final String BASELINE = """
            {"capturedAt": "2025-03-01T14:20:00Z", "metrics": {"p95LatencyMs": 180, "errorRate": 0.001}}""";
    public static final String READINESS = """
            {"runbooks": [{"name": "checkout rollback", "updatedAt": "2025-02-27T09:00:00Z"}], "onCall": {"primary": "ana", "backup": "ben"}}""";
    public static final String UPSTREAM_ARTIFACT = """
            {"name": "release-manifest.json", "sha256": "%s", "sizeBytes": 812, "uri": "s3://releases/checkout/release-manifest.json"}"""
            .formatted("ab".repeat(32));
    public static final String LICENSE_AUDIT = """
            {"status": "PASSED", "findings": []}""";
    public static final String DATA_REFRESH = """
            {"refreshedAt": "2025-03-01T12:00:00Z", "datasets": [{"name": "orders", "rows": 120000, "source": "masked prod snapshot"}],
             "featureFlags": {"newCheckout": true}}""";

    private ResultFixtures() {
    }

    /** A release id no other test uses. */
    public static String uniqueRelease() {
        return "checkout-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A deployment rehearsal whose log is {@code logBytes} bytes of ASCII. */
    public static String deploymentWithLogOf(int logBytes) {
        return DEPLOYMENT.formatted("x".repeat(logBytes));
    }

    /** A SARIF log of one scanner with {@code results} medium findings, each message padded to make the log large. */
    public static byte[] sarifWithFindings(int results, int messageLength) {
        StringBuilder log = new StringBuilder("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"Semgrep OSS\"}}, \"results\": [");
        String padding = "m".repeat(messageLength);
        for (int i = 0; i < results; i++) {
            log.append(i == 0 ? "" : ",").append("{\"ruleId\": \"r").append(i % 7).append("\", \"level\": \"warning\", \"message\": {\"text\": \"")
                    .append(padding).append("\"}}");
        }
        return log.append("]}]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
