package io.gatehouse.intake;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Requests that declare a body's length and send only their head. A body refused for its declared length is refused
 * before it is read and the connection closed under it; sending the body too would race that close.
 */
public final class DeclaredBodies {

    private DeclaredBodies() {
    }

    /** POSTs a head declaring {@code length} bytes of JSON, with {@code headers} (each {@code Name: value}), and returns the whole answer. */
    public static String postDeclaringOnly(String path, long length, String... headers) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + length + "\r\n");
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The JSON body of a whole HTTP answer. */
    public static String bodyOf(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }
}
