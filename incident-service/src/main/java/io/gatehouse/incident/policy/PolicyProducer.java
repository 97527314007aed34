package io.gatehouse.incident.policy;

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

/** Loads the policy once, at start-up, so a broken policy file stops the service instead of its first decision. */
@ApplicationScoped
public class PolicyProducer {

    private static final Logger LOG = Logger.getLogger(PolicyProducer.class);

    @Produces
    @Startup
    @Singleton // a record cannot be proxied, so not @ApplicationScoped
    IncidentPolicy policy(@ConfigProperty(name = "gatehouse.policy.file") Optional<Path> file) {
        IncidentPolicy policy = file.map(PolicyProducer::read).orElseGet(IncidentPolicy::shipped);
        LOG.infof("protocol 17 policy %s from %s", policy.version(), file.map(Path::toString).orElse("the shipped defaults"));
        return policy;
    }

    private static IncidentPolicy read(Path file) {
        try {
            return IncidentPolicy.parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy file " + file, e);
        }
    }
}
