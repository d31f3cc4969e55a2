package dev.callscribe.schemas.registry.server;

import java.util.List;

/**
 * A request matched to a route, with the path segments that stood for the route's wildcards.
 *
 * @param request the request
 * @param values  the segments matched by the route's {@code *}s, in order
 */
record RegistryCall(RegistryRequest request, List<String> values) {

    RegistryCall {
        values = List.copyOf(values);
    }

    /** The segment matched by the route's {@code index}-th wildcard. */
    String value(int index) {
        return values.get(index);
    }
}
