package io.gatehouse.incident;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local stand-ins for what incident-service calls: a Slack-compatible incoming-webhook receiver with a URL for every
 * channel of the policy (a channel can be told to fail its next requests, to test retries), and a rollback script for
 * the bundled executor.
 */
public class HttpStubsResource implements QuarkusTestResourceLifecycleManager {

    private static HttpServer server;
    private static final Map<String, List<String>> RECEIVED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FAILURES_TO_COME = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        int port = server().getAddress().getPort();
        return Map.of("gatehouse.notify.channels.incident-bridge", "http://127.0.0.1:" + port + "/incident-bridge",
                "gatehouse.notify.channels.team-alerts", "http://127.0.0.1:" + port + "/team-alerts",
                "gatehouse.rollback.executor.script", rollbackScript().toString());
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM.
    }

    /** A mitigation script for the bundled executor: it says what it carries out and succeeds. */
    private static Path rollbackScript() {
        try {
            Path script = Files.createTempFile("gatehouse-rollback-", ".sh");
            Files.writeString(script, "#!/bin/sh\necho \"$GATEHOUSE_MITIGATION_KIND ($GATEHOUSE_MITIGATION_DESCRIPTION):"
                    + " rolling $GATEHOUSE_SERVICE back to $GATEHOUSE_PREVIOUS_RELEASE for $GATEHOUSE_INCIDENT_ID\"\n");
            script.toFile().setExecutable(true);
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bodies received on a channel, in order. */
    public static List<String> received(String channel) {
        return RECEIVED.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>());
    }

    /** The channel answers 500 to its next {@code count} requests. */
    public static void failNext(String channel, int count) {
        FAILURES_TO_COME.computeIfAbsent(channel, c -> new AtomicInteger()).set(count);
    }

    private static synchronized HttpServer server() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String channel = exchange.getRequestURI().getPath().substring(1);
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean fail = FAILURES_TO_COME.computeIfAbsent(channel, c -> new AtomicInteger()).getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                if (!fail) {
                    received(channel).add(body);
                }
                byte[] answer = (fail ? "channel_is_archived" : "ok").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }
        return server;
    }
}
