package io.gatehouse.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports on loopback, for processes a test starts. */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    public static int free() {
        return free(1)[0];
    }

    /**
     * {@code count} distinct free ports. Each is held until all are found: a port closed at once may well be the
     * next one the system hands out, and two listeners of one process on the same port fail to start.
     */
    public static int[] free(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                socket.setReuseAddress(true);
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot release loopback port " + socket.getLocalPort(), e);
                }
            }
        }
    }
}
