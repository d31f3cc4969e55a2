package dev.callscribe.demo;

import dev.callscribe.publish.Pacing;
import dev.callscribe.publish.Recording;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the demo runs.
 *
 * @param model       the transcriber's model: a model folder or a Hugging Face repository id
 * @param call        the recording to publish as one call
 * @param pacing      in real time, as a live call arrives, or as fast as the broker takes it
 * @param configFile  a properties file of pipeline configuration keys, under the demo's own settings
 * @param overrides   pipeline configuration keys ({@code --set}), over the demo's own settings
 * @param timeout     how long to wait for the call's final transcript once it is published
 */
public record DemoOptions(String model, Recording call, Pacing pacing, Optional<Path> configFile,
                          Map<String, String> overrides, Duration timeout) {

    public DemoOptions {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(pacing, "pacing");
        Objects.requireNonNull(configFile, "configFile");
        overrides = Map.copyOf(overrides);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, was " + timeout);
        }
    }
}
