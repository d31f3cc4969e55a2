package dev.callscribe.model.hub;

import java.io.IOException;

/**
 * A download failure that retrying will not fix, with the reason as a value for callers and tests and a message
 * that says what failed and what to do.
 */
public final class HubException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why a download failed. */
    public enum Reason {
        /** The repository does not exist at the endpoint (or is private and no token was sent). */
        REPO_NOT_FOUND,
        /** The repository exists but the branch, tag or commit does not. */
        REVISION_NOT_FOUND,
        /** HTTP 401 or 403: a gated or private repository without a token that has access. */
        ACCESS_DENIED,
        /** A file the repository listed could not be found. */
        FILE_NOT_FOUND,
        /** The downloaded bytes do not have the announced size or sha256; nothing was kept. */
        CHECKSUM_MISMATCH,
        /** Offline (or unreachable) and the cache lacks what is needed. */
        NOT_CACHED,
        /** The server answered something this client does not understand. */
        UNEXPECTED_RESPONSE
    }

    private final Reason reason;

    /**
     * @param reason  why
     * @param message what failed and what to do
     */
    public HubException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * @param reason  why
     * @param message what failed and what to do
     * @param cause   the underlying error
     */
    public HubException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Returns why the download failed. */
    public Reason reason() {
        return reason;
    }
}
