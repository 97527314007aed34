package io.gatehouse.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {

    private ServerSocket server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private volatile int connections;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void postsKeepOneConnectionAcrossAnswersWithALengthOrInChunks() throws Exception {
        // given a server that answers with a length, then in chunks, then with a length again
        serve(List.of(
                "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"alerts\":1}\n",
                "HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n3\r\n1}\n\r\n0\r\n\r\n",
                "HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\n\r\n{}"));

        try (HttpConnection connection = new HttpConnection(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/alerts/alertmanager"))) {
            // when
            int first = connection.post(body("one"));
            int second = connection.post(body("two"));
            int third = connection.post(body("three"));

            // then
            assertThat(List.of(first, second, third)).containsExactly(202, 202, 400);
        }
        assertThat(bodies).containsExactly("{\"n\":\"one\"}", "{\"n\":\"two\"}", "{\"n\":\"three\"}");
        assertThat(connections).isEqualTo(1);
    }

    @Test
    void aServerThatClosesTheConnectionGetsANewOneOnTheNextPost() throws Exception {
        serve(List.of("HTTP/1.1 202 Accepted\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"));

        try (HttpConnection connection = new HttpConnection(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"))) {
            assertThat(connection.post(body("one"))).isEqualTo(202);
            assertThat(connection.post(body("two"))).isEqualTo(202);
        }
        assertThat(connections).isEqualTo(2);
        assertThat(bodies).hasSize(2);
    }

    private static byte[] body(String n) {
        return ("{\"n\":\"" + n + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Answers the requests it reads with {@code answers} in turn, on however many connections they come. */
    private void serve(List<String> answers) throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            int next = 0;
            while (next < answers.size()) {
                try (Socket socket = server.accept()) {
                    connections++;
                    InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream();
                    while (next < answers.size()) {
                        String body = readRequestBody(in);
                        if (body == null) {
                            break;
                        }
                        bodies.add(body);
                        String answer = answers.get(next++);
                        out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        if (answer.contains("Connection: close")) {
                            break;
                        }
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    /** The body of the next request, or null when the client closed the connection. */
    private static String readRequestBody(InputStream in) throws IOException {
        int length = -1;
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b == -1) {
                return null;
            }
            if (b == '\n') {
                String header = line.toString().trim();
                line.setLength(0);
                if (header.isEmpty()) {
                    break;
                }
                if (header.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring("content-length:".length()).trim());
                }
            } else {
                line.append((char) b);
            }
        }
        byte[] body = in.readNBytes(length);
        return new String(body, StandardCharsets.UTF_8);
    }
}
