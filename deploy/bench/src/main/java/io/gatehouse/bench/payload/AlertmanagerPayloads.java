package io.gatehouse.bench.payload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alertmanager webhook bodies (version 4) of the shape Alertmanager posts (see the corpus in ../shared/corpus), about
 * 1 KB per alert: an alert group's name and service, per-alert instance, pod, region and zone labels that vary,
 * annotations and a generator URL of realistic length. Every alert gets a fingerprint of its own, which Gatehouse takes
 * as the alert's id, so no two alerts of a run are the same alert, and the bench can follow one by it.
 */
public final class AlertmanagerPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] REGIONS = {"eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-1"};
    private static final String[] SEVERITIES = {"warning", "critical", "warning", "info"};
    private static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

    /** Whether the alerts fire, or are resolved ones. */
    public enum Status {
        FIRING("firing"), RESOLVED("resolved");

        private final String json;

        Status(String json) {
            this.json = json;
        }
    }

    /** An alert group: Gatehouse groups alerts into incidents by service and alert name. */
    public record Group(String service, String alertName) {

        /** What Gatehouse keys an alert group's events by on gatehouse.alerts. */
        public String eventKey() {
            return service + ":" + alertName;
        }

        /** Alertmanager's groupKey for a route grouping by alertname and service. */
        public String groupKey() {
            return "{}/{severity=~\"warning|critical|info\"}:{alertname=\"" + alertName + "\", service=\"" + service + "\"}";
        }
    }

    /** A body ready to post or produce, its group, and the fingerprints (alert ids) of its alerts in order. */
    public record Payload(byte[] body, Group group, List<String> fingerprints) {
    }

    private final String runId;
    private final AtomicLong sequence = new AtomicLong();
    private final Instant startsAt = Instant.now();

    /** @param runId makes fingerprints unique across runs too; a few hex digits */
    public AlertmanagerPayloads(String runId) {
        this.runId = runId;
    }

    /** One webhook of {@code count} alerts of {@code group}, instances numbered from {@code firstInstance}. */
    public Payload webhook(Group group, Status status, long firstInstance, int count) {
        ObjectNode body = JSON.createObjectNode();
        body.put("receiver", "gatehouse");
        body.put("status", status.json);
        ArrayNode alerts = body.putArray("alerts");
        List<String> fingerprints = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long instance = firstInstance + i;
            String fingerprint = String.format("%s%012x", runId, sequence.getAndIncrement());
            fingerprints.add(fingerprint);
            alerts.add(alert(group, status, instance, fingerprint));
        }
        ObjectNode groupLabels = body.putObject("groupLabels");
        groupLabels.put("alertname", group.alertName());
        groupLabels.put("service", group.service());
        ObjectNode commonLabels = body.putObject("commonLabels");
        commonLabels.put("alertname", group.alertName());
        commonLabels.put("service", group.service());
        commonLabels.put("team", "team-" + group.service());
        body.putObject("commonAnnotations").put("summary", summary(group));
        body.put("externalURL", "http://alertmanager.example.internal:9093");
        body.put("version", "4");
        body.put("groupKey", group.groupKey());
        body.put("truncatedAlerts", 0);
        try {
            return new Payload(JSON.writeValueAsBytes(body), group, fingerprints);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    private ObjectNode alert(Group group, Status status, long instance, String fingerprint) {
        ObjectNode alert = JSON.createObjectNode();
        alert.put("status", status.json);
        String region = REGIONS[(int) (instance % REGIONS.length)];
        String pod = group.service() + "-" + Long.toHexString(0x5f3a1 + instance * 7919) + "-" + (instance % 97);
        ObjectNode labels = alert.putObject("labels");
        labels.put("alertname", group.alertName());
        labels.put("service", group.service());
        labels.put("severity", SEVERITIES[(int) (instance % SEVERITIES.length)]);
        labels.put("instance", "10." + (instance >> 16 & 255) + "." + (instance >> 8 & 255) + "." + (instance & 255) + ":9100");
        labels.put("pod", pod);
        labels.put("namespace", "prod-" + group.service());
        labels.put("region", region);
        labels.put("zone", region + "abc".charAt((int) (instance % 3)));
        labels.put("team", "team-" + group.service());
        labels.put("job", "kubernetes-pods");
        ObjectNode annotations = alert.putObject("annotations");
        annotations.put("summary", summary(group));
        annotations.put("description", "Pod " + pod + " of " + group.service() + " in " + region + " has been above its threshold for more"
                + " than 5 minutes: the 5m error ratio is " + (instance % 40 + 5) / 10.0 + "% against an objective of 0.1%.");
        annotations.put("runbook_url", "https://runbooks.example.internal/" + group.service() + "/" + group.alertName());
        alert.put("startsAt", startsAt.plusMillis(instance).toString());
        alert.put("endsAt", status == Status.RESOLVED ? startsAt.plusSeconds(300).toString() : GO_ZERO_TIME);
        alert.put("generatorURL", "https://prometheus.example.internal/graph?g0.expr=sum%28rate%28http_requests_total%7Bservice%3D%22"
                + group.service() + "%22%2Ccode%3D~%225..%22%7D%5B5m%5D%29%29&g0.tab=1");
        alert.put("fingerprint", fingerprint);
        return alert;
    }

    private static String summary(Group group) {
        return group.alertName() + " on " + group.service();
    }
}
