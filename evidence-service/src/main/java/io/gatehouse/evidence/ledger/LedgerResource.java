package io.gatehouse.evidence.ledger;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The ledger as a whole. */
@Path("/v1/evidence/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    private final LedgerVerifier verifier;
    private final Ledger ledger;

    LedgerResource(LedgerVerifier verifier, Ledger ledger) {
        this.verifier = verifier;
        this.ledger = ledger;
    }

    @GET
    @Path("/head")
    @Operation(summary = "The newest ledger entry's position and hash")
    public Ledger.Head head() {
        return ledger.head();
    }

    @GET
    @Path("/verification")
    @Operation(summary = "Recompute the whole hash chain and name the first entry that does not check out")
    public LedgerVerifier.Verification verify() {
        return verifier.verify();
    }
}
