package io.gatehouse.bench.http;

import io.gatehouse.bench.console.Progress;
import io.gatehouse.bench.stats.Latencies;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts over many keep-alive connections, each on its own thread, and records every request's latency in the thread's
 * own array (nothing shared on the hot path but one counter), merged when the load ends.
 *
 * <p>Closed loop: each connection posts the next body as soon as its last one is answered, measuring the throughput
 * the server sustains. Fixed rate: request {@code i} is due at {@code start + i / rate}, scheduled by the clock and
 * not by sleeping between requests, and its latency counts from when it was due, so a server that falls behind shows
 * it in the latencies rather than in a silently lower rate (no coordinated omission).
 */
public final class LoadGenerator {

    private final URI url;
    private final int connections;
    private final Progress progress;

    public LoadGenerator(URI url, int connections, Progress progress) {
        this.url = url;
        this.connections = connections;
        this.progress = progress;
    }

    /** Posts as fast as the server answers until {@code posts} runs out or {@code durationNanos} passed. */
    public LoadResult closedLoop(Posts posts, long durationNanos) {
        long start = System.nanoTime();
        return run(posts, start, index -> {
            long now = System.nanoTime();
            // A difference, not a deadline: start + Long.MAX_VALUE, "no time limit", would overflow.
            return now - start < durationNanos ? now : -1;
        });
    }

    /** Posts {@code posts} at {@code perSecond}, request {@code i} due at {@link FixedRate#dueNanos(long)}. */
    public LoadResult fixedRate(Posts posts, FixedRate rate) {
        return run(posts, rate.startNanos(), index -> {
            long due = rate.dueNanos(index);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            return due;
        });
    }

    /** When request {@code i} of a fixed-rate load is due. */
    public record FixedRate(long startNanos, int perSecond) {

        public static FixedRate startingNow(int perSecond) {
            return new FixedRate(System.nanoTime(), perSecond);
        }

        public long dueNanos(long index) {
            return startNanos + index * TimeUnit.SECONDS.toNanos(1) / perSecond;
        }
    }

    /** When the request of this index counts from, or -1 when the load is over. */
    @FunctionalInterface
    private interface Schedule {
        long dueNanos(long index);
    }

    private LoadResult run(Posts posts, long start, Schedule schedule) {
        AtomicLong next = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong acceptedAlerts = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker worker = new Worker(() -> {
                try (HttpConnection connection = new HttpConnection(url)) {
                    return loop(connection, posts, schedule, next, sent, accepted, acceptedAlerts, errors, firstError);
                }
            });
            workers.add(worker);
            worker.thread.start();
        }
        boolean running = true;
        while (running) {
            running = false;
            for (Worker worker : workers) {
                try {
                    worker.thread.join(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the load runs", e);
                }
                running |= worker.thread.isAlive();
            }
            progress.report(String.format("posting: %s requests, %s alerts accepted, %s errors, %.0f requests/s",
                    Progress.count(sent.get()), Progress.count(acceptedAlerts.get()), Progress.count(errors.get()),
                    sent.get() / ((System.nanoTime() - start) / 1e9)));
        }
        long end = System.nanoTime();
        List<long[]> parts = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (Worker worker : workers) {
            if (worker.failure != null) {
                throw new IllegalStateException("a load thread failed: " + worker.failure, worker.failure);
            }
            parts.add(worker.latencies.values);
            counts.add(worker.latencies.size);
        }
        return new LoadResult(sent.get(), accepted.get(), acceptedAlerts.get(), errors.get(), firstError.get(), start, end,
                Latencies.merge(parts, counts));
    }

    private static Recorded loop(HttpConnection connection, Posts posts, Schedule schedule, AtomicLong next, AtomicLong sent,
                                 AtomicLong accepted, AtomicLong acceptedAlerts, AtomicLong errors, AtomicReference<String> firstError) {
        Recorded latencies = new Recorded();
        while (true) {
            long index = next.getAndIncrement();
            Post post = posts.get(index);
            if (post == null) {
                return latencies;
            }
            long due = schedule.dueNanos(index);
            if (due < 0) {
                return latencies;
            }
            sent.incrementAndGet();
            try {
                int status = connection.post(post.body());
                if (status >= 200 && status < 300) {
                    accepted.incrementAndGet();
                    acceptedAlerts.addAndGet(post.alerts());
                } else {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, "HTTP " + status);
                }
            } catch (IOException e) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, e.toString());
            }
            latencies.add(System.nanoTime() - due);
        }
    }

    /** A growable array of one thread's latencies. */
    private static final class Recorded {
        long[] values = new long[1 << 14];
        int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }
    }

    private static final class Worker {
        final Thread thread;
        volatile Recorded latencies;
        volatile Throwable failure;

        Worker(Callable<Recorded> body) {
            thread = new Thread(() -> {
                try {
                    latencies = body.call();
                } catch (Throwable e) {
                    failure = e;
                }
            }, "bench-load");
            thread.setDaemon(true);
        }
    }
}
