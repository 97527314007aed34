package io.gatehouse.infra.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The shared corpus of real payloads nobody on this project wrote ({@code ../shared/corpus} beside the checkout,
 * or wherever {@code gatehouse.corpus} points). Tests skip their corpus part with a clear message when it is
 * absent; their own fixtures always run.
 */
public final class Corpus {

    private Corpus() {
    }

    /** The corpus folder of one kind of payload, e.g. {@code alertmanager}, when it is there. */
    public static Optional<Path> folder(String kind) {
        String root = System.getProperty("gatehouse.corpus", "../../shared/corpus");
        Path folder = Path.of(root, kind);
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    /** Why a corpus test is skipped. */
    public static String absent(String kind) {
        return "corpus folder " + Path.of(System.getProperty("gatehouse.corpus", "../../shared/corpus"), kind).toAbsolutePath()
                + " is absent; the corpus part of this test is skipped";
    }

    /**
     * Alertmanager webhook notifications of the corpus in arrival order; the folder also holds Alertmanager's
     * PagerDuty bodies ({@code *-enqueue-*}), which are not webhooks.
     */
    public static List<Path> alertmanagerWebhooks(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().contains("-enqueue-"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
