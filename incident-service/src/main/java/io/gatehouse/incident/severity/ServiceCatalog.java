package io.gatehouse.incident.severity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** The service catalog, from configuration ({@code gatehouse.service-catalog.services.<name>.*}). */
@ConfigMapping(prefix = "gatehouse.service-catalog")
public interface ServiceCatalog {

    Map<String, Entry> services();

    interface Entry {
        /** 1 is the most critical tier. */
        int tier();

        @WithDefault("false")
        boolean customerFacing();
    }

    default ServiceProfile profileOf(String service) {
        Entry entry = service == null ? null : services().get(service);
        return entry == null ? ServiceProfile.UNKNOWN : new ServiceProfile(entry.tier(), entry.customerFacing());
    }
}
