package io.gatehouse.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Supplier;

/**
 * Runs work in a time zone and locale that would show any dependence on the host: local times would move by
 * 12 h 45 min, numbers would print in Thai digits with a decimal comma, and lower-casing "I" would give a dotless "ı".
 */
public final class Elsewhere {

    private static final TimeZone CHATHAM = TimeZone.getTimeZone("Pacific/Chatham");
    private static final Locale TURKISH_WITH_THAI_DIGITS = Locale.forLanguageTag("tr-TR-u-nu-thai");

    private Elsewhere() {
    }

    public static <T> T inAnotherTimeZoneAndLocale(Supplier<T> work) {
        TimeZone zone = TimeZone.getDefault();
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale locale = Locale.getDefault();
        TimeZone.setDefault(CHATHAM);
        Locale.setDefault(TURKISH_WITH_THAI_DIGITS);
        try {
            assertThat(String.format("%.1f", 1.5)).as("the locale really changes how numbers print").isNotEqualTo("1.5");
            return work.get();
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
            Locale.setDefault(Locale.Category.DISPLAY, display);
            Locale.setDefault(Locale.Category.FORMAT, format);
        }
    }

    /** The golden file {@code golden/<name>} next to the test class {@code anchor}. */
    public static String golden(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream("golden/" + name)) {
            if (in == null) {
                throw new AssertionError("no golden file golden/" + name + " next to " + anchor.getSimpleName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
