package dev.callscribe.pipeline;

import dev.callscribe.schemas.registry.NotFoundException;
import dev.callscribe.schemas.registry.SchemaRegistryException;
import java.util.Optional;

/**
 * Tells a record the registry does not know (poison input: dead-letter it) from a registry that cannot answer
 * (an outage or refused credentials: the record is fine, so it must be processed again later, never dead-lettered).
 */
public final class RegistryFailures {

    private RegistryFailures() {
    }

    /** The registry failure behind {@code failure}, if one is in its cause chain. */
    public static Optional<SchemaRegistryException> registryCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException registry) {
                return Optional.of(registry);
            }
        }
        return Optional.empty();
    }

    /** Whether the registry answered that it has no such schema: the record names an id it never gave. */
    public static boolean isUnknownSchema(Throwable failure) {
        return registryCause(failure).filter(NotFoundException.class::isInstance).isPresent();
    }

    /** Whether the registry could not answer (unreachable, 5xx, refused credentials): the record may be fine. */
    public static boolean isRegistryOutage(Throwable failure) {
        return registryCause(failure).filter(cause -> !(cause instanceof NotFoundException)).isPresent();
    }
}
