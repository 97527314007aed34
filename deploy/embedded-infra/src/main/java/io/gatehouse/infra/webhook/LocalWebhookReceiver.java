package io.gatehouse.infra.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The local stack's stand-in for Slack: a Slack-compatible incoming-webhook endpoint on loopback that answers
 * {@code ok} and appends every message, with its channel (the URL path) and arrival time, to a log file.
 *
 * <p>{@code LocalWebhookReceiver --port N --log FILE}
 */
public final class LocalWebhookReceiver {

    public static final String READY_LINE = "GATEHOUSE-WEBHOOKS-READY";

    private LocalWebhookReceiver() {
    }

    public static void main(String[] args) throws IOException {
        int port = 8099;
        Path log = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--log" -> log = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("usage: LocalWebhookReceiver --port N --log FILE");
            }
        }
        if (log == null) {
            throw new IllegalArgumentException("usage: LocalWebhookReceiver --port N --log FILE");
        }
        Path messages = log;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            String channel = exchange.getRequestURI().getPath().substring(1);
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            append(messages, Instant.now() + " #" + channel + " " + body);
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.start();
        System.out.println(READY_LINE + " http://127.0.0.1:" + port + "/");
        System.out.flush();
    }

    private static synchronized void append(Path log, String line) {
        try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(line);
            out.write(System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
