package dev.callscribe.model;

import dev.callscribe.tokenizer.WhisperTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a model folder in the Hugging Face layout: {@code config.json} and {@code tokenizer.json} (required),
 * {@code generation_config.json} and {@code preprocessor_config.json} (optional, with Hugging Face's fallbacks), and
 * the ONNX files at the root or under {@code onnx/}. Also says which files of a repository a model needs, so that
 * only those are downloaded.
 *
 * <p>Stateless and thread-safe.
 */
public final class ModelFolder {

    /** The network's dimensions. */
    public static final String CONFIG = "config.json";
    /** Token ids and generation settings. */
    public static final String GENERATION_CONFIG = "generation_config.json";
    /** The audio front-end's settings. */
    public static final String PREPROCESSOR_CONFIG = "preprocessor_config.json";
    /** The tokenizer. */
    public static final String TOKENIZER = "tokenizer.json";

    private static final List<String> REQUIRED = List.of(CONFIG, TOKENIZER);
    private static final List<String> OPTIONAL = List.of(GENERATION_CONFIG, PREPROCESSOR_CONFIG);
    /** Deep enough for files under onnx/, shallow enough not to wander through unrelated trees. */
    private static final int LISTING_DEPTH = 3;

    private ModelFolder() {
    }

    /**
     * Reads a model folder; the model's id is the folder's name.
     *
     * @param folder  the folder
     * @param options weight formats and decoder layout
     * @return the model
     * @throws IOException          if a file cannot be read
     * @throws ModelFormatException if a file is missing or a value is wrong, naming the file and key
     */
    public static WhisperModel read(Path folder, ModelOptions options) throws IOException {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return read(folder, options, name == null ? folder.toString() : name.toString());
    }

    /**
     * Reads a model folder.
     *
     * @param folder  the folder
     * @param options weight formats and decoder layout
     * @param id      what to call the model (a repository id for a downloaded snapshot)
     * @return the model
     * @throws IOException          if a file cannot be read
     * @throws ModelFormatException if a file is missing or a value is wrong, naming the file and key
     */
    public static WhisperModel read(Path folder, ModelOptions options, String id) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new ModelFormatException("Model folder " + folder + " does not exist or is not a folder");
        }
        Set<String> names = listFiles(folder);
        requireConfigurationFiles(names, folder.toString());
        ModelFiles files = OnnxFileLocator.locate(names, options, folder.toString()).resolveAgainst(folder);
        ConfigJson configJson = ConfigJson.read(folder.resolve(CONFIG));
        WhisperConfig config = WhisperConfig.read(configJson);
        WhisperTokenizer tokenizer = WhisperTokenizer.load(folder.resolve(TOKENIZER));
        GenerationConfig generation = GenerationConfig.read(ConfigJson.readIfPresent(folder.resolve(GENERATION_CONFIG)),
            configJson, tokenizer, config.maxTargetPositions());
        PreprocessorConfig preprocessor = PreprocessorConfig.read(
            ConfigJson.readIfPresent(folder.resolve(PREPROCESSOR_CONFIG)), config.numMelBins());
        ModelConsistency.check(folder, config, generation, preprocessor, tokenizer);
        double chunkLength = options.chunkLengthSeconds()
            .orElseGet(() -> ChunkLengthRecommendation.forModel(id, config.nameOrPath().orElse(null)));
        return new WhisperModel(id, folder, files, config, generation, preprocessor, tokenizer, chunkLength);
    }

    /**
     * Returns the files of a repository that a model needs with these options: the configuration files and the
     * chosen ONNX files with their external data.
     *
     * @param repoFiles every file of the repository, relative, '/'-separated
     * @param options   weight formats and decoder layout
     * @param where     the repository, for error messages
     * @return the files to fetch, '/'-separated
     * @throws ModelFormatException listing what was looked for and what exists, when a file is missing
     */
    public static List<String> filesToFetch(Collection<String> repoFiles, ModelOptions options, String where) {
        Set<String> present = Set.copyOf(repoFiles);
        requireConfigurationFiles(present, where);
        List<String> wanted = new ArrayList<>(REQUIRED);
        OPTIONAL.stream().filter(present::contains).forEach(wanted::add);
        for (Path path : OnnxFileLocator.locate(present, options, where).allPaths()) {
            wanted.add(slashSeparated(path));
        }
        return List.copyOf(wanted);
    }

    private static void requireConfigurationFiles(Set<String> present, String where) {
        List<String> missing = REQUIRED.stream().filter(name -> !present.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new ModelFormatException(where + " lacks " + String.join(" and ", missing) + "; a model needs "
                + REQUIRED + " and ONNX files, and may have " + OPTIONAL + "; files present: "
                + new TreeSet<>(present));
        }
    }

    private static Set<String> listFiles(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder, LISTING_DEPTH)) {
            return paths.filter(Files::isRegularFile)
                .map(path -> slashSeparated(folder.relativize(path)))
                .collect(Collectors.toUnmodifiableSet());
        }
    }

    private static String slashSeparated(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }
}
