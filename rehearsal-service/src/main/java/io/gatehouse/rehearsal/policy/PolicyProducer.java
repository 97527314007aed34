package io.gatehouse.rehearsal.policy;

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

/** Loads the policy once, at start-up, so a broken policy file stops the service instead of its first evaluation. */
@ApplicationScoped
public class PolicyProducer {

    private static final Logger LOG = Logger.getLogger(PolicyProducer.class);

    @Produces
    @Startup
    @Singleton // a record cannot be proxied, so not @ApplicationScoped
    ReleasePolicy policy(@ConfigProperty(name = "gatehouse.policy.file") Optional<Path> file) {
        ReleasePolicy policy = file.map(PolicyProducer::read).orElseGet(ReleasePolicy::shipped);
        LOG.infof("protocol 14 policy %s from %s", policy.version(), file.map(Path::toString).orElse("the shipped defaults"));
        return policy;
    }

    private static ReleasePolicy read(Path file) {
        try {
            return ReleasePolicy.parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy file " + file, e);
        }
    }
}
