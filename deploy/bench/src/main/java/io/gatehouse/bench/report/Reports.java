package io.gatehouse.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a run's results as {@code latest.json} and {@code latest.md} into the results directory. */
public final class Reports {

    private Reports() {
    }

    /** @return the Markdown written, to print as the closing table */
    public static String write(BenchResults results, Path directory) {
        try {
            Files.createDirectories(directory);
            String markdown = MarkdownReport.render(results);
            Files.writeString(directory.resolve("latest.json"), JsonReport.render(results), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("latest.md"), markdown, StandardCharsets.UTF_8);
            return markdown;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results into " + directory, e);
        }
    }
}
