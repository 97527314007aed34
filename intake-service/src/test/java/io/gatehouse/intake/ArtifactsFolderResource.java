package io.gatehouse.intake;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Gives a Quarkus test an artifact store of its own, in a temporary folder shared by every test class of the JVM. */
public class ArtifactsFolderResource implements QuarkusTestResourceLifecycleManager {

    private static Path folder;

    @Override
    public Map<String, String> start() {
        return Map.of("gatehouse.artifacts.dir", folder().toString());
    }

    @Override
    public void stop() {
        // Tests read what the service stored after its application stopped; the folder is temporary anyway.
    }

    /** The artifact store's folder. */
    public static synchronized Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("gatehouse-artifacts-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }
}
