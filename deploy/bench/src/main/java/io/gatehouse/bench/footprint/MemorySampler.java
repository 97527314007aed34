package io.gatehouse.bench.footprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Phase 7, the footprint: each service's resident memory (VmRSS in /proc/PID/status), once at rest when the bench
 * starts, then every 200 ms on a thread of its own while the phases run, keeping the peak.
 */
public final class MemorySampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 200;

    private final List<ServiceProcess> services;
    private final Map<String, Double> idle = new LinkedHashMap<>();
    private final Map<String, Double> peak = new LinkedHashMap<>();
    private final Thread thread;

    private MemorySampler(List<ServiceProcess> services) {
        this.services = services;
        for (ServiceProcess service : services) {
            idle.put(service.name(), rssMiB(service.pid()).orElse(null));
        }
        thread = new Thread(this::sampleUntilClosed, "bench-rss");
        thread.setDaemon(true);
    }

    /** Reads the resting memory now, and samples the peak from now on. */
    public static MemorySampler start(List<ServiceProcess> services) {
        MemorySampler sampler = new MemorySampler(services);
        sampler.thread.start();
        return sampler;
    }

    private void sampleUntilClosed() {
        while (!Thread.currentThread().isInterrupted()) {
            sample();
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        for (ServiceProcess service : services) {
            rssMiB(service.pid()).ifPresent(rss -> peak.merge(service.name(), rss, Math::max));
        }
    }

    public synchronized List<ServiceFootprint> footprints() {
        List<ServiceFootprint> footprints = new ArrayList<>();
        for (ServiceProcess service : services) {
            footprints.add(new ServiceFootprint(service.name(), service.startSeconds(), idle.get(service.name()), peak.get(service.name())));
        }
        return footprints;
    }

    /** VmRSS of a process in MiB; empty when it is gone or the system has no /proc. */
    static Optional<Double> rssMiB(long pid) {
        try {
            return parseVmRssMiB(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<Double> parseVmRssMiB(List<String> status) {
        for (String line : status) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                // The kernel writes "kB", meaning KiB.
                return Optional.of(Long.parseLong(parts[0]) / 1024.0);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }
}
