package io.gatehouse.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.evidence.artifacts.Evidence;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads a rendered evidence file or bundle the way a consumer would. */
public final class RenderedFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RenderedFiles() {
    }

    public static JsonNode json(Evidence evidence, String name) {
        return json(evidence.file(name).orElseThrow(() -> new AssertionError("no " + name + " in the evidence")).bytes());
    }

    public static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON", e);
        }
    }

    /** A bundle's entry as a ZIP reader sees it, with its bytes. */
    public record BundleEntry(ZipEntry entry, byte[] bytes) {

        public String name() {
            return entry.getName();
        }
    }

    /** A bundle's entries, in the order the ZIP holds them. */
    public static List<BundleEntry> unzip(byte[] zip) {
        List<BundleEntry> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(new BundleEntry(entry, in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a ZIP", e);
        }
        return entries;
    }

    public static String text(Evidence evidence, String name) {
        return new String(evidence.file(name).orElseThrow(() -> new AssertionError("no " + name + " in the evidence")).bytes(),
                StandardCharsets.UTF_8);
    }
}
