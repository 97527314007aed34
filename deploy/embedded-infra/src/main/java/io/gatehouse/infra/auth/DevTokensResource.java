package io.gatehouse.infra.auth;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Gives a Quarkus test a development key pair to verify tokens with, and {@link #token} to mint them. */
public class DevTokensResource implements QuarkusTestResourceLifecycleManager {

    private static Path keys;
    private static PrivateKey signingKey;

    @Override
    public Map<String, String> start() {
        Path publicKey = keys().resolve(DevTokens.PUBLIC_KEY_FILE);
        try {
            // Under test, Quarkus generates a key pair of its own and configures it inline, which outranks a
            // location; configuring this key inline too makes it the one tokens are verified with.
            return Map.of("mp.jwt.verify.publickey", Files.readString(publicKey),
                    "mp.jwt.verify.publickey.location", publicKey.toUri().toString(),
                    "mp.jwt.verify.issuer", DevTokens.ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // The key pair serves every test class of this JVM.
    }

    /** A bearer token for {@code person} with {@code roles}, valid for an hour. */
    public static synchronized String token(String person, String... roles) {
        keys();
        return DevTokens.mint(signingKey, person, Set.of(roles), Duration.ofHours(1));
    }

    private static synchronized Path keys() {
        if (keys == null) {
            try {
                keys = Files.createTempDirectory("gatehouse-keys-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            signingKey = DevTokens.ensureKeys(keys);
        }
        return keys;
    }
}
