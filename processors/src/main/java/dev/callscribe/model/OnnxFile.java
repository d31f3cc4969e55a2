package dev.callscribe.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One ONNX model file and the external-data files its weights live in (models over 2 GB store weights in
 * {@code <name>.onnx_data}, possibly chunked as {@code <name>.onnx_data_1}, ...). ONNX Runtime finds external data
 * relative to the model file, so these files must stay in the same folder under the same names.
 *
 * @param path         the model file
 * @param externalData its external-data files, in name order; usually empty
 */
public record OnnxFile(Path path, List<Path> externalData) {

    /** Copies the list and checks for nulls. */
    public OnnxFile {
        Objects.requireNonNull(path, "path");
        externalData = List.copyOf(externalData);
    }

    /** Returns this file with every path resolved against {@code folder}. */
    OnnxFile resolveAgainst(Path folder) {
        return new OnnxFile(folder.resolve(path), externalData.stream().map(folder::resolve).toList());
    }
}
