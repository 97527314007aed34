package io.gatehouse.infra.kafka;

import java.nio.file.Files;

/** A process that starts a broker, says its pid and then waits to be killed: the stand-in for a test JVM. */
public final class BrokerHolder {

    private BrokerHolder() {
    }

    public static void main(String[] args) throws Exception {
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(Files.createTempDirectory("gatehouse-holder-"));
        System.out.println("BROKER-PID " + broker.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
