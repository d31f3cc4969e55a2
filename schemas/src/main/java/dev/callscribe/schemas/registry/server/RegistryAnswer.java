package dev.callscribe.schemas.registry.server;

/**
 * What the registry answers: an HTTP status and a JSON body, in the REST API's media type.
 *
 * @param status the HTTP status
 * @param json   the body, JSON text
 */
record RegistryAnswer(int status, String json) {

    static final int OK = 200;
    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;
    static final int METHOD_NOT_ALLOWED = 405;
    static final int CONFLICT = 409;
    static final int UNPROCESSABLE = 422;
    static final int SERVER_ERROR = 500;

    static RegistryAnswer ok(String json) {
        return new RegistryAnswer(OK, json);
    }
}
