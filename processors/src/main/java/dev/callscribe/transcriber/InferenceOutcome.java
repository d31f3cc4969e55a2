package dev.callscribe.transcriber;

import dev.callscribe.engine.result.WindowResult;

/** What the engine made of one window: a result, or a failure that survived the retry alone. */
sealed interface InferenceOutcome {

    /** The window. */
    AcceptedWindow window();

    /**
     * The window was transcribed.
     *
     * @param window the window
     * @param result the engine's result
     * @param run the engine call it was decoded in
     */
    record Transcribed(AcceptedWindow window, WindowResult result, EngineRun run) implements InferenceOutcome {
    }

    /**
     * The engine failed on the window in its batch and again alone.
     *
     * @param window the window
     * @param error the failure of the attempt alone
     */
    record Failed(AcceptedWindow window, Exception error) implements InferenceOutcome {
    }
}
