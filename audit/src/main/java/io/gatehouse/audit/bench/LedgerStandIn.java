package io.gatehouse.audit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.audit.live.LiveEntry;
import io.gatehouse.evidence.log.InMemoryTree;
import io.gatehouse.evidence.log.MerkleTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * evidence-service's ledger endpoints over a synthetic ledger, on loopback: what {@code verify} reads, served from
 * entries the caller holds (and may have tampered with), so verify can be measured and tested without the service.
 */
public final class LedgerStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final int LARGEST_PAGE = 1000;

    private final HttpServer server;
    private final List<LiveEntry> entries;
    private final MerkleTree tree;
    private final String checkpoint;
    private final String publicKey;

    /**
     * @param entries the live ledger's entries, in leaf order
     * @param checkpoint the latest signed note
     * @param publicKey the verifier key the service publishes
     */
    public LedgerStandIn(List<LiveEntry> entries, String checkpoint, String publicKey) {
        this.entries = List.copyOf(entries);
        InMemoryTree subtrees = new InMemoryTree();
        entries.forEach(e -> subtrees.append(HEX.parseHex(e.leafHash())));
        this.tree = subtrees.tree();
        this.checkpoint = checkpoint;
        this.publicKey = publicKey;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
        server.createContext("/v1/evidence/ledger/", this::answer);
        server.start();
    }

    /** The stand-in's address, as --evidence-url takes it. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/v1/evidence/ledger/".length());
            Map<String, Long> query = query(exchange.getRequestURI());
            switch (path) {
                case "checkpoint" -> send(exchange, 200, "text/plain; charset=utf-8", checkpoint);
                case "public-key" -> send(exchange, 200, "text/plain; charset=utf-8", publicKey + "\n");
                case "entries" -> send(exchange, 200, "application/json", entries(query.getOrDefault("from", 0L),
                        Math.min(LARGEST_PAGE, query.getOrDefault("limit", (long) LARGEST_PAGE))));
                case "proofs/consistency" -> consistency(exchange, query);
                default -> send(exchange, 404, "application/json", "{\"failed\":\"no such ledger resource\"}");
            }
        }
    }

    private String entries(long from, long limit) throws IOException {
        ObjectNode page = JSON.createObjectNode().put("treeSize", entries.size());
        ArrayNode items = page.putArray("entries");
        for (long i = Math.max(0, from); i < Math.min(entries.size(), from + limit); i++) {
            LiveEntry e = entries.get((int) i);
            items.addObject().put("leafIndex", e.leafIndex()).put("eventId", e.eventId()).put("subject", e.subject()).put("topic", e.topic())
                    .put("partition", e.partition()).put("offset", e.offset()).put("leafHash", e.leafHash())
                    .put("canonical", Base64.getEncoder().encodeToString(e.canonical()));
        }
        return JSON.writeValueAsString(page);
    }

    private void consistency(HttpExchange exchange, Map<String, Long> query) throws IOException {
        long from = query.getOrDefault("from", -1L);
        long to = query.getOrDefault("to", -1L);
        if (from < 1 || from > to || to > entries.size()) {
            send(exchange, 400, "application/json", "{\"failed\":\"a consistency proof needs 1 <= from <= to <= " + entries.size() + "\"}");
            return;
        }
        ObjectNode proof = JSON.createObjectNode().put("from", from).put("to", to);
        ArrayNode hashes = proof.putArray("hashes");
        tree.consistencyProof(from, to).forEach(h -> hashes.add(HEX.formatHex(h)));
        send(exchange, 200, "application/json", JSON.writeValueAsString(proof));
    }

    private static Map<String, Long> query(URI uri) {
        Map<String, Long> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                try {
                    query.put(nameAndValue[0], nameAndValue.length == 2 ? Long.parseLong(nameAndValue[1]) : -1L);
                } catch (NumberFormatException e) {
                    query.put(nameAndValue[0], -1L);
                }
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
