package dev.callscribe.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for the servers and processes the tests start: free when asked for, so tests run side by side. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port nothing listens on now (another process could take it before the caller binds it; rare enough). */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
