package dev.callscribe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Random-weight models with the dimensions of real checkpoints, generated at bench time by the project's fixture
 * generator ({@code processors/src/test/python/whisper_fixtures.py}, Debian's python3-onnx and python3-numpy) and
 * kept in a work folder between runs. Never committed: distil-small.en's size is about 1.3 GB.
 */
public enum BenchModel {

    DISTIL_SMALL_EN("distil-small.en", List.of("--d-model", "768", "--heads", "12", "--encoder-layers", "12",
            "--decoder-layers", "4", "--n-mels", "80", "--vocab-size", "51864", "--languages", "whisper")),
    DISTIL_LARGE_V3("distil-large-v3", List.of("--d-model", "1280", "--heads", "20", "--encoder-layers", "32",
            "--decoder-layers", "2", "--n-mels", "128", "--vocab-size", "51866", "--multilingual",
            "--languages", "whisper-v3"));

    private static final Logger LOG = LoggerFactory.getLogger(BenchModel.class);
    private static final long GENERATION_TIMEOUT_MINUTES = 30;

    private final String checkpoint;
    private final List<String> dimensions;

    BenchModel(String checkpoint, List<String> dimensions) {
        this.checkpoint = checkpoint;
        this.dimensions = dimensions;
    }

    /** The checkpoint whose dimensions this model has, for example {@code distil-small.en}. */
    public String checkpoint() {
        return checkpoint;
    }

    /** Parses a checkpoint name, listing the known ones when it is unknown. */
    public static BenchModel forCheckpoint(String name) {
        for (BenchModel model : values()) {
            if (model.checkpoint.equals(name.toLowerCase(Locale.ROOT))) {
                return model;
            }
        }
        throw new IllegalArgumentException("No bench model with the dimensions of '" + name + "'; known: "
                + List.of(DISTIL_SMALL_EN.checkpoint, DISTIL_LARGE_V3.checkpoint));
    }

    /**
     * The model folder under {@code workDir}, generated first if it is not there yet.
     *
     * @param python the interpreter with python3-onnx and python3-numpy (Debian: /usr/bin/python3)
     * @param generator the path of whisper_fixtures.py
     */
    public Path generate(Path workDir, Path python, Path generator) throws IOException, InterruptedException {
        Path folder = workDir.resolve("random-" + checkpoint);
        Path done = folder.resolve(".generated");
        if (Files.exists(done)) {
            return folder;
        }
        if (!Files.isRegularFile(generator)) {
            throw new IOException("Fixture generator not found at " + generator + "; run from the project checkout "
                    + "or pass --generator");
        }
        LOG.info("Generating a random-weight model with {}'s dimensions in {} (takes a minute or more)",
                checkpoint, folder);
        run(command(python, generator, folder));
        Files.writeString(done, checkpoint + "\n");
        return folder;
    }

    private List<String> command(Path python, Path generator, Path folder) {
        List<String> command = new ArrayList<>(List.of(python.toString(), generator.toString(), "random",
                "--out", folder.toString(), "--name", "random-" + checkpoint));
        command.addAll(dimensions);
        return command;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(GENERATION_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("Model generation did not finish within " + GENERATION_TIMEOUT_MINUTES
                    + " minutes: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("Model generation failed with status " + process.exitValue() + ": " + command);
        }
    }
}
