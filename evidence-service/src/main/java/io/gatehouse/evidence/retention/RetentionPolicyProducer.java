package io.gatehouse.evidence.retention;

import io.gatehouse.evidence.protocols.EvidenceProtocols;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Loads the retention policy once, at start-up, so a broken policy file stops the service instead of its first run. */
@ApplicationScoped
public class RetentionPolicyProducer {

    private static final Logger LOG = Logger.getLogger(RetentionPolicyProducer.class);

    @Produces
    @Startup
    @Singleton // a record cannot be proxied, so not @ApplicationScoped
    RetentionPolicy policy(@ConfigProperty(name = "gatehouse.retention.policy-file") Optional<Path> file) {
        RetentionPolicy policy = file.map(RetentionPolicyProducer::read).orElseGet(() -> RetentionPolicy.shipped(EvidenceProtocols.ALL));
        LOG.infof("retention policy %s from %s", policy.version(), file.map(Path::toString).orElse("the shipped defaults"));
        return policy;
    }

    private static RetentionPolicy read(Path file) {
        try {
            return RetentionPolicy.parse(Files.readAllBytes(file), file.toString(), EvidenceProtocols.ALL);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read retention policy file " + file, e);
        }
    }
}
