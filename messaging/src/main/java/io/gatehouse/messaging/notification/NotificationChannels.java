package io.gatehouse.messaging.notification;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/**
 * Where each channel of the policy's routing is delivered: a Slack-compatible incoming-webhook URL per channel
 * name ({@code gatehouse.notify.channels.incident-bridge=https://hooks.slack.com/services/...}).
 */
@ConfigMapping(prefix = "gatehouse.notify")
public interface NotificationChannels {

    Map<String, String> channels();
}
