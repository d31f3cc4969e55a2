package dev.callscribe.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The hand-written model folders under src/test/resources/model-loading. */
public final class ModelResources {

    /** transformers.js layout (onnx/), several formats, merged and split decoders, English-only, all JSON files. */
    public static final String DISTIL_SMALL_EN = "distil-small.en";
    /** Optimum layout (root), split decoder only, multilingual, a sparse generation_config and no preprocessor. */
    public static final String OPTIMUM_MULTILINGUAL = "optimum-multilingual";

    private ModelResources() {
    }

    /** Returns the folder of a test model, read-only. */
    public static Path folder(String name) {
        URL url = ModelResources.class.getResource("/model-loading/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource model-loading/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a test model into {@code parent/name}, for tests that change its files. */
    public static Path copy(String name, Path parent) throws IOException {
        Path source = folder(name);
        Path target = parent.resolve(name);
        try (Stream<Path> paths = Files.walk(source)) {
            paths.forEach(path -> {
                try {
                    Path destination = target.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(path, destination);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return target;
    }
}
