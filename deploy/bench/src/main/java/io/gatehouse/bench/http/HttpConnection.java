package io.gatehouse.bench.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection on a plain socket, used by one thread: a POST writes the request and reads the
 * whole answer before the next. Nothing of a general client: no redirects, no TLS, no pipelining, which keeps the
 * client's own cost per request small next to the server's. A server that closes the connection gets a new one on
 * the next request.
 */
public final class HttpConnection implements Closeable {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final String host;
    private final int port;
    private final byte[] requestHead;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** A connection that posts JSON to {@code url} (http only). */
    public HttpConnection(URI url) {
        if (!"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("the bench posts over plain http, not " + url);
        }
        this.host = url.getHost();
        this.port = url.getPort() == -1 ? 80 : url.getPort();
        String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        this.requestHead = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Posts {@code body} and returns the answer's status; the answer's body is read and dropped.
     *
     * @throws IOException when the connection fails; it is closed, and the next post opens a new one
     */
    public int post(byte[] body) throws IOException {
        try {
            if (socket == null) {
                connect();
            }
            out.write(requestHead);
            out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }

    private int readResponse() throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        if (chunked) {
            skipChunks();
        } else if (contentLength > 0) {
            skip(contentLength);
        } else if (contentLength < 0) {
            // No length and not chunked: the body runs until the server closes the connection.
            while (in.read() != -1) {
                // drained
            }
            closes = true;
        }
        if (closes) {
            close();
        }
        return status;
    }

    private void skipChunks() throws IOException {
        while (true) {
            String size = readLine();
            int extension = size.indexOf(';');
            long length = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            if (length == 0) {
                // Trailers, then the empty line that ends the message.
                while (!readLine().isEmpty()) {
                    // skipped
                }
                return;
            }
            skip(length);
            readLine();
        }
    }

    private void skip(long length) throws IOException {
        long left = length;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() == -1) {
                    throw new EOFException("the answer ended " + left + " bytes early");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) != '\n') {
            if (b == -1) {
                throw new EOFException("the server closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a broken connection can fail; the next post opens a new one either way.
            }
            socket = null;
        }
    }
}
