package dev.callscribe.model.hub;

import java.util.Collection;
import java.util.List;

/** Chooses which files of a repository to fetch, given all of them; may throw to say what is missing. */
@FunctionalInterface
public interface FileSelector {

    /**
     * @param repoFiles every file of the repository, relative, '/'-separated (e.g. "onnx/encoder_model.onnx")
     * @return the files to fetch, each one of {@code repoFiles}
     */
    List<String> select(Collection<String> repoFiles);
}
