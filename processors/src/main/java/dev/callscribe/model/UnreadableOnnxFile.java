package dev.callscribe.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Explains an ONNX file that ONNX Runtime cannot parse (damaged, cut short, or not ONNX at all): which file, and how to
 * get a good copy. A file of the Hugging Face cache is fetched again on the next load once it is gone, so the advice
 * is to delete it, naming the cached blob a snapshot link points to; a file of a model folder must be replaced.
 */
public final class UnreadableOnnxFile {

    private static final String SNAPSHOTS = "snapshots";
    private static final String CACHED_REPO_PREFIX = "models--";

    private UnreadableOnnxFile() {
    }

    /**
     * The exception to throw for a file ONNX Runtime refused.
     *
     * @param file   the ONNX file, as the model names it
     * @param reason what ONNX Runtime said
     * @param cause  its exception
     * @return an exception whose message names the file, says it cannot be parsed and how to fetch it again
     */
    public static ModelFormatException of(Path file, String reason, Throwable cause) {
        return new ModelFormatException("ONNX Runtime cannot parse " + file + " (" + reason + "): the file is damaged"
            + " or incomplete. " + advice(file), cause);
    }

    private static String advice(Path file) {
        if (!isInHubCache(file)) {
            return "Replace it with a good copy: download or export the model again.";
        }
        if (Files.isSymbolicLink(file)) {
            try {
                return "It is cached from the Hugging Face Hub: delete " + file.toRealPath() + " (the cached file"
                    + " it links to) and load the model again to download it afresh.";
            } catch (IOException e) {
                // A dangling link: deleting the link itself is what is left to do.
                return "It is cached from the Hugging Face Hub: delete it and load the model again to download it"
                    + " afresh.";
            }
        }
        return "It is cached from the Hugging Face Hub: delete it and load the model again to download it afresh.";
    }

    /** Whether the file lies in a snapshot of the hub cache: {@code .../models--owner--name/snapshots/...}. */
    private static boolean isInHubCache(Path file) {
        for (Path folder = file.toAbsolutePath().getParent(); folder != null; folder = folder.getParent()) {
            Path name = folder.getFileName();
            Path parent = folder.getParent();
            if (name != null && name.toString().equals(SNAPSHOTS) && parent != null && parent.getFileName() != null
                && parent.getFileName().toString().startsWith(CACHED_REPO_PREFIX)) {
                return true;
            }
        }
        return false;
    }
}
