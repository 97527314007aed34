package io.gatehouse.bench.http;

/** The bodies a load posts, by their index; thread-safe, as every connection asks for its next one. */
@FunctionalInterface
public interface Posts {

    /** The {@code index}-th post, or null when there are no more. */
    Post get(long index);
}
