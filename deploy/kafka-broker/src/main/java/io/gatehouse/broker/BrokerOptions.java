package io.gatehouse.broker;

import java.nio.file.Path;
import java.util.Optional;

/** Command line of {@link LocalKafkaBroker}: {@code --data DIR [--port N] [--controller-port N] [--watch-parent PID]}. */
record BrokerOptions(Path dataDir, int port, int controllerPort, Optional<Long> parentPid) {

    static BrokerOptions parse(String[] args) {
        Path dataDir = null;
        int port = 9092;
        int controllerPort = 9093;
        Optional<Long> parentPid = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> dataDir = Path.of(require(args[i], value)).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(require(args[i], value));
                case "--controller-port" -> controllerPort = Integer.parseInt(require(args[i], value));
                case "--watch-parent" -> parentPid = Optional.of(Long.parseLong(require(args[i], value)));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: --data DIR [--port N] [--controller-port N] [--watch-parent PID]");
            }
            i++;
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("--data DIR is required");
        }
        return new BrokerOptions(dataDir, port, controllerPort, parentPid);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    Path logDir() {
        return dataDir.resolve("log");
    }

    String bootstrapAddress() {
        return "127.0.0.1:" + port;
    }
}
