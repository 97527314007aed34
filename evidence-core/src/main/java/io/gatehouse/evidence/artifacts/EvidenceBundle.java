package io.gatehouse.evidence.artifacts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The ZIP of an evidence set, bit-for-bit reproducible: entries sorted by name, every entry dated
 * {@link #ENTRY_TIME}, no extra fields, and stored rather than deflated, because deflated bytes depend on the
 * zlib build and the bundle must be the same on every machine that replays the ledger.
 */
public final class EvidenceBundle {

    /**
     * A DOS date-time, so no extended-timestamp extra field is written. Not 1980-01-01T00:00, which the JDK reads as
     * "before 1980" and then adds a time-zone dependent extra field; Gradle picks 1980-02-01 for the same reason.
     */
    public static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

    private EvidenceBundle() {
    }

    /** The ZIP of these files, by name: an evidence set, or a sealed bundle with its proofs. */
    public static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setMethod(ZipOutputStream.STORED);
            for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                zip.putNextEntry(entry(file.getKey(), file.getValue()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * The files of a bundle, by name, read without trusting it: a bundle stores its files uncompressed, so its files
     * together never hold more bytes than the ZIP itself, and reading stops as soon as they would (a ZIP bomb is
     * refused before it fills the memory).
     *
     * @throws ZipException naming what makes the bytes no bundle: not a ZIP, a damaged entry, a name twice, too many bytes
     */
    public static SortedMap<String, byte[]> unzip(byte[] zip) throws ZipException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        long budget = zip.length;
        String reading = "the first entry";
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                reading = entry.getName();
                byte[] bytes = readAtMost(in, budget);
                budget -= bytes.length;
                if (files.put(reading, bytes) != null) {
                    throw new ZipException("the name appears twice");
                }
                reading = "the entry after " + reading;
            }
        } catch (IOException e) {
            throw new ZipException("the ZIP cannot be read at " + reading + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new ZipException("the bytes hold no ZIP entry: this is not a ZIP file");
        }
        return files;
    }

    private static byte[] readAtMost(ZipInputStream in, long budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            if (out.size() + (long) read > budget) {
                throw new ZipException("it unpacks to more bytes than the whole ZIP holds, and a bundle stores its files uncompressed");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static ZipEntry entry(String name, byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        return entry;
    }
}
