package io.gatehouse.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The test's own Alertmanager webhook (one firing and one resolved alert of service checkout), under any alert name. */
public final class AlertFixtures {

    private AlertFixtures() {
    }

    public static String uniqueAlertName() {
        return "CheckoutErrorBudgetBurn" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The webhook with its alerts named {@code alertName}: their group is {@code checkout:alertName}. */
    public static byte[] alertmanagerWebhookNamed(String alertName) {
        try (InputStream in = AlertFixtures.class.getResourceAsStream("/fixtures/alertmanager-checkout-firing.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("CheckoutErrorBudgetBurn", alertName).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
