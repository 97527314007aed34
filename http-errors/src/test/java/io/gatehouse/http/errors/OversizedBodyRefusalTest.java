package io.gatehouse.http.errors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The test configuration limits bodies to 4 KiB. */
@QuarkusTest
class OversizedBodyRefusalTest {

    private static final int LIMIT = 4096;

    @TestHTTPResource("/body-length")
    URI bodyLength;

    @Test
    void aBodyWithinTheLimitReachesTheResourceWhetherItsLengthIsDeclaredOrNot() throws Exception {
        given().body(new byte[LIMIT]).post(bodyLength).then().statusCode(200).body(equalTo("4096"));

        HttpResponse<String> chunked = postChunked(new byte[LIMIT], "application/octet-stream");
        assertThat(chunked.statusCode()).isEqualTo(200);
        assertThat(chunked.body()).isEqualTo("4096");
    }

    @Test
    void aChunkedFormWithinTheLimitReachesTheResourceUndecoded() throws Exception {
        byte[] form = "alert=".concat("x".repeat(LIMIT - 6)).getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> chunked = postChunked(form, "application/x-www-form-urlencoded");

        assertThat(chunked.statusCode()).isEqualTo(200);
        assertThat(chunked.body()).isEqualTo("4096");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWith413InTheErrorShape() {
        given().body(new byte[LIMIT + 1]).post(bodyLength)
                .then().statusCode(413).contentType("application/json")
                .body("severity", equalTo("WARNING"))
                .body("failed", equalTo("POST /body-length"))
                .body("context", equalTo("limited-service accepts request bodies of at most 4096 bytes; this body is 4097 bytes"))
                .body("resolution", equalTo("send a smaller body, e.g. split it over several requests; "
                        + "if bodies this large are expected, raise quarkus.http.limits.max-body-size of limited-service"))
                .body("impact", equalTo("nothing of this request was accepted; other requests are unaffected"));
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413InTheErrorShapeOnceItPassesTheLimit() throws Exception {
        HttpResponse<String> refused = postChunked(new byte[LIMIT + 1], "application/json");

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonPath report = JsonPath.from(refused.body());
        assertThat(report.getString("severity")).isEqualTo("WARNING");
        assertThat(report.getString("context")).isEqualTo("limited-service accepts request bodies of at most 4096 bytes; this body is larger than that");
        assertThat(report.getString("impact")).isEqualTo("nothing of this request was accepted; other requests are unaffected");
    }

    /** Posts with Transfer-Encoding: chunked, the body's length unknown to the server until it has read it. */
    private HttpResponse<String> postChunked(byte[] body, String contentType) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(bodyLength).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
