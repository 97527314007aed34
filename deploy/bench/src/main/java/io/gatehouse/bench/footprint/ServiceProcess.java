package io.gatehouse.bench.footprint;

/** A service the launcher started for the bench: its name, pid, and seconds from launch to ready. */
public record ServiceProcess(String name, long pid, double startSeconds) {

    /**
     * Parses {@code name=pid:startSeconds}, as the launcher passes it.
     *
     * @throws IllegalArgumentException when it is not of that form
     */
    public static ServiceProcess parse(String text) {
        int equals = text.indexOf('=');
        int colon = text.lastIndexOf(':');
        if (equals <= 0 || colon < equals) {
            throw new IllegalArgumentException("a service is given as name=pid:startSeconds, not " + text);
        }
        try {
            return new ServiceProcess(text.substring(0, equals), Long.parseLong(text.substring(equals + 1, colon)),
                    Double.parseDouble(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a service is given as name=pid:startSeconds, not " + text, e);
        }
    }
}
