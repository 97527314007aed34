package io.gatehouse.evidence.retention;

import io.gatehouse.errors.ErrorReport;
import java.nio.file.Path;

/** A file in the archive that does not hold the bundle its name promises: altered, truncated or lost while written. */
public class DamagedArchive extends RuntimeException {

    private final Path file;

    DamagedArchive(Path file, String problem) {
        super("archived bundle " + file + ": " + problem);
        this.file = file;
    }

    /** The problem in the shape people are shown. */
    public ErrorReport report() {
        return new ErrorReport(ErrorReport.Severity.CRITICAL, "archived evidence", getMessage(),
                "restore " + file.getFileName() + " from a backup of the archive directory; its name is the SHA-256 its bytes must have",
                "the archived bundle cannot be served until it is restored");
    }
}
