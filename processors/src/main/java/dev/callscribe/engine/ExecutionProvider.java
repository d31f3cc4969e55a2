package dev.callscribe.engine;

/** Where ONNX Runtime runs the model. */
public enum ExecutionProvider {
    /** The CPU; always available. */
    CPU,
    /** An NVIDIA GPU through CUDA; needs the {@code gpu} build profile and a CUDA runtime, else falls back to CPU. */
    CUDA
}
