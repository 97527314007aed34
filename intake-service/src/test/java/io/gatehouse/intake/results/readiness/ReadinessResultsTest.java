package io.gatehouse.intake.results.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.events.AuditStatus;
import io.gatehouse.events.LicenseAudit;
import io.gatehouse.events.OperationalReadiness;
import io.gatehouse.events.Runbook;
import io.gatehouse.events.UpstreamArtifact;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Operational readiness, upstream artifacts and the license audit. */
class ReadinessResultsTest {

    private static final String SHA256 = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

    @Test
    void operationalReadinessKeepsTheRunbooksAndOnCall() {
        OperationalReadiness readiness = OperationalReadinessReports.parse(utf8("""
                {"runbooks": [{"name": "checkout rollback", "updatedAt": "2025-02-27T09:00:00Z"}],
                 "onCall": {"primary": "ana", "backup": "ben"}}"""));

        assertThat(readiness.getRunbooks()).extracting(Runbook::getName, Runbook::getUpdatedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("checkout rollback", Instant.parse("2025-02-27T09:00:00Z")));
        assertThat(readiness.getOnCallPrimary()).isEqualTo("ana");
        assertThat(readiness.getOnCallBackup()).isEqualTo("ben");

        OperationalReadiness withoutOnCall = OperationalReadinessReports.parse(utf8("{\"runbooks\": []}"));
        assertThat(withoutOnCall.getOnCallPrimary()).isNull();
    }

    @Test
    void operationalReadinessIsRefusedByTheFirstWrongField() {
        assertRefused(OperationalReadinessReports::parse, "{\"runbooks\": [{\"name\": \"r\"}]}", "operational-readiness", "runbooks[0].updatedAt is missing");
        assertRefused(OperationalReadinessReports::parse, "{\"runbooks\": [], \"onCall\": {\"primary\": 7}}", "operational-readiness",
                "onCall.primary must be a string; it is 7");
        assertRefused(OperationalReadinessReports::parse, "{\"onCall\": {}}", "operational-readiness", "runbooks is missing");
    }

    @Test
    void anUpstreamArtifactKeepsItsChecksumInLowerCase() {
        UpstreamArtifact artifact = UpstreamArtifacts.parse(utf8("""
                {"name": "QUALITY-AUDIT-PACKAGE.zip", "sha256": "%s", "sizeBytes": 48213, "uri": "s3://releases/checkout/2.4.0/QUALITY-AUDIT-PACKAGE.zip"}"""
                .formatted(SHA256)));

        assertThat(artifact.getName()).isEqualTo("QUALITY-AUDIT-PACKAGE.zip");
        assertThat(artifact.getSha256()).isEqualTo(SHA256.toLowerCase());
        assertThat(artifact.getSizeBytes()).isEqualTo(48213);
    }

    @Test
    void anUpstreamArtifactNeedsAValidChecksumSizeAndUri() {
        assertRefused(UpstreamArtifacts::parse, "{\"name\": \"deploy.sh\", \"sha256\": \"abc\", \"sizeBytes\": 1, \"uri\": \"u\"}", "upstream-artifact",
                "sha256 must be 64 hex digits; it is \"abc\"");
        assertRefused(UpstreamArtifacts::parse, "{\"name\": \"deploy.sh\", \"sha256\": \"" + SHA256 + "\", \"sizeBytes\": -1, \"uri\": \"u\"}",
                "upstream-artifact", "sizeBytes must not be negative");
        assertRefused(UpstreamArtifacts::parse, "{\"name\": \"deploy.sh\", \"sha256\": \"" + SHA256 + "\", \"sizeBytes\": 1}", "upstream-artifact", "uri is missing");
        assertRefused(UpstreamArtifacts::parse, "{\"name\": \"deploy\\n.sh\", \"sha256\": \"" + SHA256 + "\", \"sizeBytes\": 1, \"uri\": \"u\"}",
                "upstream-artifact", "name holds control characters");
    }

    @Test
    void aLicenseAuditKeepsEachFindingAsASentenceOrAsCompactJson() {
        LicenseAudit audit = LicenseAudits.parse(utf8("""
                {"status": "FAILED", "findings": ["GPL-3.0 in libfoo 1.2", {"package": "libbar", "license": "AGPL-3.0"}]}"""));

        assertThat(audit.getStatus()).isEqualTo(AuditStatus.FAILED);
        assertThat(audit.getFindings()).containsExactly("GPL-3.0 in libfoo 1.2", "{\"package\":\"libbar\",\"license\":\"AGPL-3.0\"}");
        assertThat(LicenseAudits.parse(utf8("{\"status\": \"PASSED\", \"findings\": []}")).getFindings()).isEmpty();
    }

    @Test
    void aLicenseAuditIsRefusedByTheFirstWrongField() {
        assertRefused(LicenseAudits::parse, "{\"status\": \"OK\", \"findings\": []}", "license-audit", "status must be one of PASSED, FAILED; it is \"OK\"");
        assertRefused(LicenseAudits::parse, "{\"status\": \"PASSED\", \"findings\": [3]}", "license-audit", "findings[0] must be a sentence or a JSON object");
        assertRefused(LicenseAudits::parse, "{\"status\": \"PASSED\"}", "license-audit", "findings is missing");
    }

    private static void assertRefused(Consumer<byte[]> parser, String body, String kind, String context) {
        assertThatThrownBy(() -> parser.accept(utf8(body))).as(body).isInstanceOf(RejectedPayload.class)
                .satisfies(refused -> {
                    assertThat(((RejectedPayload) refused).report().failed()).isEqualTo(kind + " payload");
                    assertThat(((RejectedPayload) refused).report().context()).contains(context);
                });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
