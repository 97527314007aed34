package io.gatehouse.audit.verify;

import java.util.List;

/** Where a consistency proof of the live tree comes from: the live service, or a test's own tree. */
@FunctionalInterface
public interface ConsistencyProofs {

    /** RFC 9162 PROOF(from, D[0:to]) of the live tree, nearest the leaves first. */
    List<byte[]> proof(long from, long to);
}
