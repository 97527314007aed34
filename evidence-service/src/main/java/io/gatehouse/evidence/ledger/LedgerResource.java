package io.gatehouse.evidence.ledger;

import io.gatehouse.errors.ErrorReport;
import io.gatehouse.http.errors.ErrorAnswer;
import io.gatehouse.evidence.log.MerkleTree;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The ledger as a transparency log: its signed checkpoint, the key that verifies it, RFC 9162 proofs any independent
 * verifier can check, and the entries themselves, for an auditor comparing them with the event log.
 */
@Path("/v1/evidence/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    /** Entries per page at most. */
    static final int MAX_PAGE = 1000;
    private static final HexFormat HEX = HexFormat.of();

    private final LedgerVerifier verifier;
    private final Ledger ledger;
    private final Checkpoints checkpoints;
    private final LogKey key;
    private final DatabaseSubtrees subtrees;

    LedgerResource(LedgerVerifier verifier, Ledger ledger, Checkpoints checkpoints, LogKey key, DatabaseSubtrees subtrees) {
        this.verifier = verifier;
        this.ledger = ledger;
        this.checkpoints = checkpoints;
        this.key = key;
        this.subtrees = subtrees;
    }

    /** An inclusion proof: the hashes from the leaf's sibling up, lowercase hex. */
    public record InclusionProof(long leafIndex, long treeSize, String leafHash, List<String> hashes) {
    }

    /** A consistency proof between two tree sizes, lowercase hex. */
    public record ConsistencyProof(long from, long to, List<String> hashes) {
    }

    /** One page of entries, in leaf order; {@code canonical} is base64 of the bytes hashed into the leaf. */
    public record Entries(long treeSize, List<Entry> entries) {
    }

    public record Entry(long leafIndex, String eventId, String subject, String topic, int partition, long offset, String leafHash,
                        String canonical) {
    }

    @GET
    @Path("/head")
    @Operation(summary = "The newest ledger entry's position and hash")
    public Ledger.Head head() {
        return ledger.head();
    }

    @GET
    @Path("/verification")
    @Operation(summary = "Recompute the hash chain and the Merkle tree from every stored event and name the first entry that does not check out; "
            + "a tail removed under a signed checkpoint is named too")
    public LedgerVerifier.Verification verify() {
        return verifier.verify();
    }

    @GET
    @Path("/checkpoint")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The latest checkpoint: a C2SP tlog-checkpoint (origin, tree size, base64 root hash) in a C2SP signed note, Ed25519")
    @APIResponse(responseCode = "404", description = "Nothing is recorded yet, so no checkpoint was signed")
    public Response checkpoint() {
        return checkpoints.latest().map(c -> Response.ok(c.note, MediaType.TEXT_PLAIN + "; charset=utf-8").build())
                .orElseThrow(() -> notFound("no checkpoint is signed yet: nothing is recorded",
                        "a checkpoint is signed within seconds of the first recorded event"));
    }

    @GET
    @Path("/public-key")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The verifier key of checkpoints and attestations, in the signed-note format: <name>+<8 hex digits of key hash>+<base64 of 0x01 and the Ed25519 key>")
    public Response publicKey() {
        return Response.ok(key.verifierKey() + "\n", MediaType.TEXT_PLAIN + "; charset=utf-8").build();
    }

    @GET
    @Path("/proofs/inclusion")
    @Transactional
    @Operation(summary = "RFC 9162 inclusion proof of leaf N in the tree of size M")
    @APIResponse(responseCode = "400", description = "The leaf is not in a tree of that size, or the tree has not grown to it")
    public InclusionProof inclusion(@QueryParam("leaf") Long leaf, @QueryParam("size") Long size) {
        long treeSize = requireSize(size, "size");
        if (leaf == null || leaf < 0 || leaf >= treeSize) {
            throw badRequest("leaf " + leaf + " is not in a tree of size " + treeSize, "ask for a leaf from 0 to size - 1");
        }
        MerkleTree tree = subtrees.tree();
        return new InclusionProof(leaf, treeSize, HEX.formatHex(subtrees.subtree(0, leaf)), hex(tree.inclusionProof(leaf, treeSize)));
    }

    @GET
    @Path("/proofs/consistency")
    @Transactional
    @Operation(summary = "RFC 9162 consistency proof that the tree of size K extends the tree of size M")
    @APIResponse(responseCode = "400", description = "Not 1 <= from <= to, or the tree has not grown to 'to'")
    public ConsistencyProof consistency(@QueryParam("from") Long from, @QueryParam("to") Long to) {
        long toSize = requireSize(to, "to");
        if (from == null || from < 1 || from > toSize) {
            throw badRequest("a consistency proof needs 1 <= from <= to; from is " + from + " and to is " + toSize,
                    "ask from the size of a checkpoint you hold to the size of a newer one");
        }
        return new ConsistencyProof(from, toSize, hex(subtrees.tree().consistencyProof(from, toSize)));
    }

    @GET
    @Path("/entries")
    @Transactional
    @Operation(summary = "The ledger's entries in leaf order, each with the bytes hashed into its leaf, a page at a time (at most 1000)")
    public Entries entries(@QueryParam("from") @DefaultValue("0") long from, @QueryParam("limit") @DefaultValue("1000") int limit) {
        if (from < 0 || limit < 1 || limit > MAX_PAGE) {
            throw badRequest("from must be 0 or more and limit 1 to " + MAX_PAGE + "; got from " + from + ", limit " + limit,
                    "page through with from = the last leafIndex + 1");
        }
        List<LedgerEntry> page = LedgerEntry.<LedgerEntry>find("seq > ?1 order by seq", from).page(0, limit).list();
        return new Entries(ledger.head().seq(), page.stream().map(e -> new Entry(e.leafIndex(), e.eventId, e.subject, e.topic, e.partition,
                e.offset, e.leafHash, Base64.getEncoder().encodeToString(e.canonical))).toList());
    }

    private long requireSize(Long size, String name) {
        long treeSize = ledger.head().seq();
        if (size == null || size < 1 || size > treeSize) {
            throw badRequest(name + " " + size + " is not a size of this tree, which has " + treeSize + " entries",
                    "ask for a size from 1 to " + treeSize + ", e.g. the size in the latest checkpoint");
        }
        return size;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static WebApplicationException badRequest(String problem, String action) {
        return ErrorAnswer.of(Response.Status.BAD_REQUEST, new ErrorReport(ErrorReport.Severity.WARNING, "ledger proof", problem, action, "none"));
    }

    private static WebApplicationException notFound(String problem, String action) {
        return ErrorAnswer.of(Response.Status.NOT_FOUND, new ErrorReport(ErrorReport.Severity.INFO, "ledger checkpoint", problem, action, "none"));
    }
}
