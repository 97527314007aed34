package io.gatehouse.evidence.sealed;

import io.gatehouse.evidence.artifacts.EvidenceBundle;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/** Reading a sealed bundle's files, and altering them the way someone with the ZIP in hand could. */
final class Bundles {

    private Bundles() {
    }

    static SortedMap<String, byte[]> files(byte[] zip) {
        try {
            return EvidenceBundle.unzip(zip);
        } catch (ZipException e) {
            throw new AssertionError("a sealed bundle reads", e);
        }
    }

    static String text(byte[] zip, String name) {
        return new String(files(zip).get(name), StandardCharsets.UTF_8);
    }

    /** The bundle with its files changed, zipped again as sealing zips them, so the ZIP itself stays well-formed. */
    static byte[] rezipped(byte[] zip, Consumer<SortedMap<String, byte[]>> change) {
        SortedMap<String, byte[]> files = files(zip);
        change.accept(files);
        return EvidenceBundle.zip(files);
    }

    /** The bundle with one byte of one file changed, in the middle of the file. */
    static byte[] withByteFlipped(byte[] zip, String name) {
        return rezipped(zip, files -> {
            byte[] bytes = files.get(name).clone();
            bytes[bytes.length / 2] ^= 0x01;
            files.put(name, bytes);
        });
    }

    /**
     * The bundle with one hex digit changed in a JSON file: the first digit of the first string value after
     * {@code marker}, itself the first after {@code after}.
     */
    static byte[] withHexDigitFlipped(byte[] zip, String name, String after, String marker) {
        return rezipped(zip, files -> {
            String text = new String(files.get(name), StandardCharsets.UTF_8);
            int at = text.indexOf(marker, text.indexOf(after));
            if (text.indexOf(after) < 0 || at < 0) {
                throw new AssertionError(name + " has no " + marker + " after " + after);
            }
            int digit = at + marker.length();
            while (" \n\"[".indexOf(text.charAt(digit)) >= 0) {
                digit++;
            }
            char flipped = text.charAt(digit) == '0' ? '1' : '0';
            files.put(name, (text.substring(0, digit) + flipped + text.substring(digit + 1)).getBytes(StandardCharsets.UTF_8));
        });
    }
}
