package io.gatehouse.evidence.artifacts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
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

    static byte[] zip(List<Artifact> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setMethod(ZipOutputStream.STORED);
            for (Artifact file : files.stream().sorted(Comparator.comparing(Artifact::name)).toList()) {
                zip.putNextEntry(entry(file));
                zip.write(file.bytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static ZipEntry entry(Artifact file) {
        CRC32 crc = new CRC32();
        crc.update(file.bytes());
        ZipEntry entry = new ZipEntry(file.name());
        entry.setTimeLocal(ENTRY_TIME);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(file.bytes().length);
        entry.setCompressedSize(file.bytes().length);
        entry.setCrc(crc.getValue());
        return entry;
    }
}
