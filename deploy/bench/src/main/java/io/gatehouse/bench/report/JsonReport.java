package io.gatehouse.bench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.bench.footprint.ServiceFootprint;
import io.gatehouse.bench.storm.StormResult;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * bench-results/latest.json. The field names are a contract (issue #9): {@code rawPassThroughPerSec},
 * {@code intakePerSec}, {@code intakeRatio}, {@code webhookPerSec}, {@code webhookP50Ms}, {@code webhookP99Ms},
 * {@code alertToSeverityP50Ms}, {@code alertToSeverityP99Ms}, {@code storm}, {@code stormOneKey},
 * {@code ledgerAppendsPerSec}, {@code ledgerLagSecondsAfterStorm} and {@code services}. Every field is always
 * present; one a failed phase did not measure is null.
 */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(BenchResults results) {
        try {
            return JSON.writeValueAsString(tree(results)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings always serializes", e);
        }
    }

    static ObjectNode tree(BenchResults results) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", results.machine().cores());
        machine.put("javaVersion", results.machine().javaVersion());
        machine.put("gitCommit", results.machine().gitCommit());
        machine.put("date", results.machine().date());
        root.put("quick", results.quick());

        root.put("rawPassThroughPerSec", round(results.raw() == null ? null : results.raw().passThroughPerSec(), 0));
        root.put("rawRecords", results.raw() == null ? null : results.raw().records());

        root.put("intakePerSec", round(results.intake() == null ? null : results.intake().perSec(), 0));
        root.put("intakeRatio", round(results.intakeRatio(), 3));
        ObjectNode intake = root.putObject("intake");
        intake.put("alerts", results.intake() == null ? null : results.intake().alerts());
        intake.put("received", results.intake() == null ? null : results.intake().received());
        intake.put("seconds", round(results.intake() == null ? null : results.intake().seconds(), 2));
        intake.put("completed", results.intake() == null ? null : results.intake().completed());

        var webhook = results.webhook();
        root.put("webhookPerSec", round(webhook == null ? null : webhook.perSec(), 0));
        root.put("webhookP50Ms", round(webhook == null ? null : webhook.p50Ms(), 2));
        root.put("webhookP99Ms", round(webhook == null ? null : webhook.p99Ms(), 2));
        root.put("webhookMaxMs", round(webhook == null ? null : webhook.maxMs(), 2));
        root.put("webhookRequests", webhook == null ? null : webhook.requests());
        root.put("webhookErrors", webhook == null ? null : webhook.errors());

        var severity = results.severity();
        root.put("alertToSeverityP50Ms", round(severity == null ? null : severity.p50Ms(), 2));
        root.put("alertToSeverityP99Ms", round(severity == null ? null : severity.p99Ms(), 2));
        root.put("alertToSeverityMaxMs", round(severity == null ? null : severity.maxMs(), 2));
        root.put("alertToSeverityRatePerSec", severity == null ? null : severity.ratePerSec());
        root.put("alertToSeverityAlerts", severity == null ? null : severity.alerts());
        root.put("alertToSeverityMissing", severity == null ? null : severity.missing());

        putStorm(root.putObject("storm"), results.storm());
        putStorm(root.putObject("stormOneKey"), results.stormOneKey());

        root.put("ledgerAppendsPerSec", round(results.ledger() == null ? null : results.ledger().appendsPerSec(), 0));
        root.put("ledgerLagSecondsAfterStorm", round(results.ledger() == null ? null : results.ledger().lagSecondsAfterStorm(), 2));

        ObjectNode services = root.putObject("services");
        for (ServiceFootprint service : results.services()) {
            ObjectNode node = services.putObject(service.name());
            node.put("startSeconds", round(service.startSeconds(), 2));
            node.put("rssMiBIdle", round(service.rssMiBIdle(), 0));
            node.put("rssMiBPeak", round(service.rssMiBPeak(), 0));
        }
        results.notes().forEach(root.putArray("notes")::add);
        return root;
    }

    private static void putStorm(ObjectNode node, StormResult storm) {
        node.put("keys", storm == null ? null : storm.keys());
        node.put("alerts", storm == null ? null : storm.alerts());
        node.put("accepted", storm == null ? null : storm.accepted());
        node.put("applied", storm == null ? null : storm.applied());
        node.put("incidents", storm == null ? null : storm.incidents());
        node.put("lost", storm == null ? null : storm.lost());
        node.put("seconds", round(storm == null ? null : storm.seconds(), 2));
        node.put("postingSeconds", round(storm == null ? null : storm.postingSeconds(), 2));
        node.put("completed", storm == null ? null : storm.completed());
        node.put("rateWindow", storm == null ? null : storm.rateWindow());
        node.put("firstRatePerSec", round(storm == null ? null : storm.firstRatePerSec(), 0));
        node.put("lastRatePerSec", round(storm == null ? null : storm.lastRatePerSec(), 0));
    }

    /** A figure rounded for reading; null stays null (Jackson writes it as JSON null). */
    static BigDecimal round(Double value, int decimals) {
        return value == null || value.isNaN() || value.isInfinite() ? null : BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
