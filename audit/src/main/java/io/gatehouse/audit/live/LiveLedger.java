package io.gatehouse.audit.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.audit.log.ReadProgress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** evidence-service's ledger endpoints, read only. */
public final class LiveLedger {

    /** Entries asked for per request. */
    static final int PAGE = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final String baseUrl;
    // HTTP/1.1: the JDK client otherwise asks to upgrade to cleartext HTTP/2, and Quarkus answers a blocking endpoint
    // reached that way with a 500 ("Request has already been read").
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

    /** @param baseUrl evidence-service's address, e.g. http://127.0.0.1:8084 */
    public LiveLedger(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The latest signed checkpoint, as a signed note. */
    public String checkpoint() {
        return text("/v1/evidence/ledger/checkpoint");
    }

    /** The log's verifier key, as the service publishes it. */
    public String publicKey() {
        return text("/v1/evidence/ledger/public-key").strip();
    }

    /**
     * Every entry of the live tree as it is when the first page is read, in leaf order.
     *
     * @param progress told the entries read so far and the tree size
     */
    public List<LiveEntry> entries(ReadProgress progress) {
        List<LiveEntry> entries = new ArrayList<>();
        long treeSize = -1;
        while (treeSize < 0 || entries.size() < treeSize) {
            JsonNode page = json("/v1/evidence/ledger/entries?from=" + entries.size() + "&limit=" + PAGE);
            if (treeSize < 0) {
                treeSize = required(page, "treeSize").asLong();
            }
            JsonNode items = required(page, "entries");
            if (items.isEmpty()) {
                break;
            }
            for (JsonNode item : items) {
                if (entries.size() < treeSize) {
                    entries.add(entry(item));
                }
            }
            progress.read(entries.size(), treeSize);
        }
        return entries;
    }

    /** The service's consistency proof between two sizes of its tree. */
    public List<byte[]> consistencyProof(long from, long to) {
        JsonNode proof = json("/v1/evidence/ledger/proofs/consistency?from=" + from + "&to=" + to);
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode hash : required(proof, "hashes")) {
            hashes.add(hex(hash.asText(), "a consistency proof's hash"));
        }
        return hashes;
    }

    private static LiveEntry entry(JsonNode item) {
        try {
            return new LiveEntry(required(item, "leafIndex").asLong(), required(item, "eventId").asText(), required(item, "subject").asText(),
                    required(item, "topic").asText(), required(item, "partition").asInt(), required(item, "offset").asLong(),
                    required(item, "leafHash").asText(), Base64.getDecoder().decode(required(item, "canonical").asText()));
        } catch (IllegalArgumentException e) {
            throw new LiveLedgerUnavailable("an entry's canonical bytes are not base64: " + item);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new LiveLedgerUnavailable("evidence-service answered without \"" + field + "\": " + abbreviated(node.toString()));
        }
        return value;
    }

    private static byte[] hex(String text, String what) {
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new LiveLedgerUnavailable(what + " is not hex: " + abbreviated(text));
        }
    }

    private JsonNode json(String path) {
        String body = text(path);
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new LiveLedgerUnavailable("GET " + baseUrl + path + " did not answer JSON: " + abbreviated(body));
        }
    }

    private String text(String path) {
        URI uri = URI.create(baseUrl + path);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LiveLedgerUnavailable("cannot reach evidence-service at " + baseUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiveLedgerUnavailable("interrupted while reading " + uri, e);
        }
        if (response.statusCode() != 200) {
            throw new LiveLedgerUnavailable("GET " + uri + " answered HTTP " + response.statusCode() + ": " + abbreviated(response.body()));
        }
        return response.body();
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
