package io.gatehouse.http.errors;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Stands for any service endpoint: answers how many bytes of the body reached it. */
@Path("/body-length")
public class BodyLength {

    @POST
    public String length(byte[] body) {
        return Integer.toString(body.length);
    }
}
