package io.gatehouse.intake.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * XML documents that try to read a local file or to blow up on expansion, for every XML parser's tests. The local
 * file holds a unique marker, so a test can prove that nothing of it appears anywhere.
 */
public final class HostileXml {

    /** A real local file, with {@link #marker()} as its content. */
    private final Path localFile;
    private final String marker;

    private HostileXml(Path localFile, String marker) {
        this.localFile = localFile;
        this.marker = marker;
    }

    /** A fresh local file in {@code folder} holding a unique marker. */
    public static HostileXml withLocalFileIn(Path folder) {
        String marker = "local-secret-" + UUID.randomUUID();
        try {
            return new HostileXml(Files.writeString(folder.resolve("local-secret.txt"), marker), marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String marker() {
        return marker;
    }

    /** The root element {@code root} with an external entity of the local file referenced in its text. */
    public byte[] externalEntity(String root) {
        return ("<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [<!ENTITY xxe SYSTEM \"" + localFile.toUri() + "\">]>\n"
                + "<" + root + " name=\"&xxe;\">&xxe;</" + root + ">\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A parameter entity that would pull the local file into the DTD. */
    public byte[] externalParameterEntity(String root) {
        return ("<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [<!ENTITY % file SYSTEM \"" + localFile.toUri() + "\"> %file;]>\n"
                + "<" + root + "/>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The local file named as the external DTD: it must be neither loaded nor needed. */
    public byte[] externalDtd(String root, String body) {
        return ("<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " SYSTEM \"" + localFile.toUri() + "\">\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** "Billion laughs": ten nested levels of ten references each, a gigabyte of "lol" once expanded. */
    public static byte[] entityExpansion(String root) {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">\n");
        for (int level = 1; level <= 9; level++) {
            dtd.append("<!ENTITY lol").append(level).append(" \"").append(("&lol" + (level - 1) + ";").repeat(10)).append("\">\n");
        }
        return ("<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [\n" + dtd + "]>\n<" + root + ">&lol9;</" + root + ">\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
