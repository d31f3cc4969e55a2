package dev.callscribe.model;

import dev.callscribe.model.hub.HubClient;
import dev.callscribe.model.hub.RepoId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a Whisper model from a local folder or from a Hugging Face repository. A source that names an existing
 * folder is read in place; otherwise a source of the form {@code owner/name} is a repository id, whose needed files
 * (configuration, tokenizer, and the ONNX files of the chosen formats with their external data) are downloaded once
 * into the Hugging Face cache and read from there.
 *
 * <p>Thread-safe.
 */
public final class ModelLoader {

    private final HubClient hub;

    /**
     * @param hub downloads repositories into the cache
     */
    public ModelLoader(HubClient hub) {
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    /**
     * Returns a loader whose downloads follow the environment (HF_HOME, HF_HUB_CACHE, HF_ENDPOINT, HF_TOKEN,
     * HF_HUB_OFFLINE) and log their progress.
     *
     * @param environment variable name to value, e.g. {@code System.getenv()}
     * @return the loader
     */
    public static ModelLoader fromEnvironment(Map<String, String> environment) {
        return new ModelLoader(HubClient.fromEnvironment(environment));
    }

    /**
     * Loads a model.
     *
     * @param source  a model folder, or a Hugging Face repository id such as
     *                {@code onnx-community/distil-small.en}
     * @param options weight formats, decoder layout, revision and chunk length
     * @return the model
     * @throws IOException          when a file cannot be read or downloaded (a
     *                              {@link dev.callscribe.model.hub.HubException} says why a download failed)
     * @throws ModelFormatException when the source is neither, or the model's files are missing or wrong
     */
    public WhisperModel load(String source, ModelOptions options) throws IOException {
        Optional<Path> folder = existingFolder(source);
        if (folder.isPresent()) {
            return ModelFolder.read(folder.get(), options);
        }
        if (!RepoId.isValid(source)) {
            throw new ModelFormatException("Model source '" + source + "' is neither an existing folder nor a Hugging"
                + " Face repo id of the form owner/name (e.g. distil-whisper/distil-large-v3)");
        }
        Path snapshot = hub.snapshot(source, options.revision(),
            repoFiles -> ModelFolder.filesToFetch(repoFiles, options, source));
        return ModelFolder.read(snapshot, options, source);
    }

    private static Optional<Path> existingFolder(String source) {
        try {
            Path path = Paths.get(source);
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
