package dev.callscribe.model.hub;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;

/**
 * Tells a Hub that cannot be reached from one that answered: no connection (refused, no route), a host name that does
 * not resolve, or a connection or response that timed out. An answer, even an error (404, 401, 503), is not
 * unreachable: it says something about the repository or the server that a cached copy must not hide.
 */
final class Reachability {

    /** What {@link java.net.http.HttpClient} throws, or wraps, when it gets no answer at all. */
    private static final List<Class<? extends Throwable>> NO_ANSWER = List.of(ConnectException.class,
        NoRouteToHostException.class, UnknownHostException.class, UnresolvedAddressException.class,
        HttpTimeoutException.class, SocketTimeoutException.class);

    private Reachability() {
    }

    /** Whether the failure, or one of its causes, says no answer came. */
    static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Throwable current = cause;
            if (NO_ANSWER.stream().anyMatch(kind -> kind.isInstance(current))) {
                return true;
            }
        }
        return false;
    }
}
