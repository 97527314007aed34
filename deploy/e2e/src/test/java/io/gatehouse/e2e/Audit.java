package io.gatehouse.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of the auditor's tool as an auditor runs it: {@code java -jar gatehouse-audit.jar ...}, in a process of its own. */
record Audit(int exitCode, String output) {

    private static final long MINUTES = 5;

    static Audit run(String... arguments) {
        Path root = Path.of(System.getProperty("gatehouse.root", "../.."));
        Path jar = root.resolve("audit/target/gatehouse-audit.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the audit module builds it before this module's tests run");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        try {
            Path log = Files.createTempFile("gatehouse-audit-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("gatehouse-audit " + String.join(" ", arguments) + " did not finish in " + MINUTES + " minutes");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.printf("[e2e] gatehouse-audit %s: exit %d%n%s%n", arguments[0], process.exitValue(), output);
            return new Audit(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while gatehouse-audit ran", e);
        }
    }
}
