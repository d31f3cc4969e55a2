package dev.callscribe.tail;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Turns events into text. Rendering is pure apart from the view's own memory of what it has shown (the terminal view
 * rewrites lines it printed before): events in, strings out, nothing written anywhere. Views are not thread-safe; one
 * follower's listener thread uses one view.
 */
@FunctionalInterface
public interface TailView {

    /**
     * The text to write for one event: empty when the view shows nothing for it, otherwise one or more lines, each
     * ending with {@code \n}.
     */
    String render(TailEvent event);

    /** A listener for {@link TranscriptFollower#follow} that writes each rendering to {@code out} and flushes it. */
    default Consumer<TailEvent> writingTo(PrintWriter out) {
        return event -> {
            String text = render(event);
            if (!text.isEmpty()) {
                out.print(text);
                out.flush();
            }
        };
    }
}
