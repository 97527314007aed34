package io.gatehouse.bench.http;

/** One request body to post, and how many alerts it carries. */
public record Post(byte[] body, int alerts) {
}
