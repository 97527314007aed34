package io.gatehouse.incident.severity;

/** What the service catalog says of a service; an unknown service has no tier and is not customer-facing. */
public record ServiceProfile(Integer tier, boolean customerFacing) {

    public static final ServiceProfile UNKNOWN = new ServiceProfile(null, false);
}
