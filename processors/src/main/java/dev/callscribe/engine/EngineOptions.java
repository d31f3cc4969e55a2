package dev.callscribe.engine;

/**
 * How the engine runs its ONNX Runtime sessions.
 *
 * @param provider CPU, or CUDA with a fall back to CPU (and one log line saying so) when CUDA cannot be used
 * @param deviceId the CUDA device, from 0
 * @param intraOpThreads threads one operator may use; 0 lets ONNX Runtime choose (one per physical core)
 * @param kvCache whether decoder steps reuse the attention keys and values of earlier steps (the normal, fast
 *     way); false recomputes every step from the whole token sequence, slowly, to verify the cache
 */
public record EngineOptions(ExecutionProvider provider, int deviceId, int intraOpThreads, boolean kvCache) {

    public EngineOptions {
        if (provider == null) {
            throw new IllegalArgumentException("provider must be given (CPU or CUDA)");
        }
        if (deviceId < 0) {
            throw new IllegalArgumentException("deviceId must not be negative, got " + deviceId);
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be 0 (automatic) or more, got " + intraOpThreads);
        }
    }

    /** CPU, ONNX Runtime's choice of threads. */
    public static EngineOptions defaults() {
        return new EngineOptions(ExecutionProvider.CPU, 0, 0, true);
    }

    public EngineOptions withProvider(ExecutionProvider newProvider) {
        return new EngineOptions(newProvider, deviceId, intraOpThreads, kvCache);
    }

    public EngineOptions withDeviceId(int newDeviceId) {
        return new EngineOptions(provider, newDeviceId, intraOpThreads, kvCache);
    }

    public EngineOptions withIntraOpThreads(int threads) {
        return new EngineOptions(provider, deviceId, threads, kvCache);
    }

    public EngineOptions withKvCache(boolean useCache) {
        return new EngineOptions(provider, deviceId, intraOpThreads, useCache);
    }
}
