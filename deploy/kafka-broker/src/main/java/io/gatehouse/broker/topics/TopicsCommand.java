package io.gatehouse.broker.topics;

import io.gatehouse.topics.GatehouseTopics;
import io.gatehouse.topics.TopicDeclaration;
import java.io.PrintStream;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;

/**
 * {@code check|apply --bootstrap-servers HOST:PORT}: compares a broker's topics with the declaration, or brings them
 * to it ({@link TopicSetup}), and prints one line saying what the broker holds. Exit code 0 when every topic is as
 * declared; 1 with every difference, one a line, when not; 2 when the broker cannot be asked.
 */
public final class TopicsCommand {

    static final int AS_DECLARED = 0;
    static final int DIFFERENT = 1;
    static final int NOT_ASKED = 2;

    private TopicsCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3 || !List.of("check", "apply").contains(args[0]) || !args[1].equals("--bootstrap-servers")) {
            err.println("usage: check|apply --bootstrap-servers HOST:PORT");
            return NOT_ASKED;
        }
        try (Admin admin = LiveTopics.connect(args[2])) {
            if (args[0].equals("apply")) {
                out.println(TopicSetup.apply(admin));
                return AS_DECLARED;
            }
            List<TopicDeclaration> declared = GatehouseTopics.forBrokers(LiveTopics.brokerCount(admin));
            List<String> differences = TopicComparison.differences(declared, LiveTopics.read(admin, GatehouseTopics.names()));
            if (differences.isEmpty()) {
                out.println(TopicComparison.asDeclared(declared));
                return AS_DECLARED;
            }
            err.println(differences.size() + " topic setting(s) of " + args[2] + " differ from the declaration (topics/):");
            differences.forEach(difference -> err.println("  " + difference));
            return DIFFERENT;
        } catch (TopicSetup.Disagreement disagreement) {
            err.println(disagreement.getMessage());
            return DIFFERENT;
        } catch (IllegalStateException | KafkaException unanswered) {
            err.println("cannot " + args[0] + " the topics of " + args[2] + ": " + unanswered.getMessage());
            return NOT_ASKED;
        }
    }
}
