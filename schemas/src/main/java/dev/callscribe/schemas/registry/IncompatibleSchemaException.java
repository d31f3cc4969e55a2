package dev.callscribe.schemas.registry;

/** A registration the subject's compatibility rule rejects (HTTP 409). The message says why. */
public class IncompatibleSchemaException extends SchemaRegistryException {

    public IncompatibleSchemaException(String message) {
        super(message, 409, 409);
    }
}
