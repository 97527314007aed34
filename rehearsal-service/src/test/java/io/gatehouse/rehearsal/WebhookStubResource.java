package io.gatehouse.rehearsal;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Slack-compatible incoming-webhook receiver on loopback with a URL for every channel of the shipped policy's
 * gate-failure routing, keeping each body it receives.
 */
public class WebhookStubResource implements QuarkusTestResourceLifecycleManager {

    private static final List<String> CHANNELS = List.of("release-management", "infrastructure", "deployments", "quality-assurance", "security",
            "production-deployment");
    private static final Map<String, List<String>> RECEIVED = new ConcurrentHashMap<>();
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        int port = server().getAddress().getPort();
        Map<String, String> config = new HashMap<>();
        CHANNELS.forEach(channel -> config.put("gatehouse.notify.channels." + channel, "http://127.0.0.1:" + port + "/" + channel));
        return config;
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM.
    }

    /** Bodies received on a channel, in order. */
    public static List<String> received(String channel) {
        return RECEIVED.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>());
    }

    private static synchronized HttpServer server() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                received(exchange.getRequestURI().getPath().substring(1)).add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
                exchange.close();
            });
            server.start();
        }
        return server;
    }
}
