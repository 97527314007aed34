package io.gatehouse.audit.verify;

/** The first leaf where the live tree is not the log's, and what happened to it. */
public record BadLeaf(long leafIndex, Tamper tamper, String detail) {

    @Override
    public String toString() {
        return "leaf " + leafIndex + " " + tamper + ": " + detail;
    }
}
