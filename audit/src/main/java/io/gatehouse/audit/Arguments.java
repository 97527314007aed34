package io.gatehouse.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A command's arguments: {@code --name value} options, each at most once, and the plain arguments between them. */
final class Arguments {

    private final Map<String, String> options = new HashMap<>();
    private final List<String> plain = new ArrayList<>();

    /**
     * @throws UsageError naming an option the command does not take, one given twice, or one without its value
     */
    Arguments(List<String> args, Set<String> known) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                plain.add(arg);
                continue;
            }
            if (!known.contains(arg)) {
                throw new UsageError("unknown option " + arg);
            }
            if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                throw new UsageError(arg + " needs a value");
            }
            if (options.put(arg, args.get(++i)) != null) {
                throw new UsageError(arg + " is given twice");
            }
        }
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String required(String name) {
        return option(name).orElseThrow(() -> new UsageError(name + " is required"));
    }

    Optional<Path> path(String name) {
        return option(name).map(Path::of);
    }

    List<String> plain() {
        return plain;
    }

    /** A command line the tool cannot run: says what is wrong, and the usage follows. */
    static final class UsageError extends RuntimeException {

        UsageError(String message) {
            super(message);
        }
    }
}
