package dev.callscribe.engine;

import ai.onnxruntime.OnnxJavaType;

/**
 * Heads, head size and element type of the decoder's attention cache, from the model's config and the graph.
 *
 * @param layers decoder layers
 * @param heads attention heads per layer
 * @param headDim size of one head
 * @param type element type of the cache tensors (float, or float16 in fp16 exports)
 */
record CacheShape(int layers, int heads, int headDim, OnnxJavaType type) {
}
