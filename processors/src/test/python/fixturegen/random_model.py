"""A Whisper-architecture transformer with random weights, as ONNX graph bodies for layout.py.

Encoder: conv1d(n_mels -> d, kernel 3, stride 1) + GELU, conv1d(d -> d, kernel 3, stride 2) + GELU, sinusoidal
positions, pre-LayerNorm layers (self-attention + GELU MLP), final LayerNorm.
Decoder: token + learned positional embeddings, pre-LayerNorm layers (causal self-attention with KV cache,
cross-attention over the encoder states, MLP), final LayerNorm, logits = hidden @ token_embedding^T.
Weights are N(0, std) drawn per tensor from (seed, tensor name), so every file of a model agrees and the same seed
gives the same bytes. Attention follows Hugging Face's WhisperAttention: q and v projections have biases, k does not,
and q is scaled by head_dim^-0.5.
"""

import zlib

import numpy as np

from .graph import INT64

# Initialisation. Projections use std gain/sqrt(fan_in). Untrained, tied embeddings mostly echo a fixed token
# whatever the audio; these gains (found by trying) make greedy output depend on the window instead: attention is
# peaked (large query gains, as in trained models, rather than an average over 1500 frames that makes every window
# alike), cross-attention writes strongly into the residual stream, and the decoder's positions and the encoder's
# self-attention (which blends frames) are damped.
EMBEDDING_STD = 1.0
POSITION_STD = 0.1
BIAS_STD = 0.1
QUERY_GAIN = 4.0
CROSS_QUERY_GAIN = 8.0
CROSS_OUT_GAIN = 5.0
ENCODER_ATTENTION_OUT_GAIN = 0.3
MASKED = -1e9


def sinusoids(length, channels, max_timescale=10000.0):
    """Whisper's encoder positions (openai/whisper model.py sinusoids)."""
    increment = np.log(max_timescale) / (channels // 2 - 1)
    inv_timescales = np.exp(-increment * np.arange(channels // 2))
    scaled = np.arange(length)[:, None] * inv_timescales[None, :]
    return np.concatenate([np.sin(scaled), np.cos(scaled)], axis=1).astype(np.float32)


class RandomWhisper:
    """Graph bodies for a random-weight Whisper; `eot_logit_bias` is added to the end-of-text logit."""

    def __init__(self, name, dims, seed, eot_id, eot_logit_bias, doc):
        self.name = name
        self.dims = dims
        self.seed = seed
        self.eot_id = eot_id
        self.eot_logit_bias = eot_logit_bias
        self.doc = doc

    # ---- weights ---------------------------------------------------------------------------------------------------

    def _normal(self, g, name, shape, std):
        if name not in g.inits.tensors:
            rng = np.random.default_rng([self.seed, zlib.crc32(name.encode())])
            return g.weight(name, rng.standard_normal(shape, dtype=np.float32) * np.float32(std))
        return name

    def _ones(self, g, name, size):
        return g.weight(name, np.ones(size, np.float32))

    def _zeros(self, g, name, size):
        return g.weight(name, np.zeros(size, np.float32))

    def _linear(self, g, x, prefix, n_in, n_out, bias=True, gain=1.0):
        w = self._normal(g, prefix + ".weight", (n_in, n_out), gain * n_in ** -0.5)
        b = self._normal(g, prefix + ".bias", (n_out,), BIAS_STD) if bias else None
        return g.linear(x, w, b)

    def _norm(self, g, x, prefix):
        d = self.dims.d_model
        return g.layer_norm(x, self._ones(g, prefix + ".weight", d), self._zeros(g, prefix + ".bias", d))

    # ---- attention -------------------------------------------------------------------------------------------------

    def _split_heads(self, g, x):
        """[B, T, d] -> [B, heads, T, head_dim]."""
        return g.transpose(g.reshape(x, [0, 0, self.dims.heads, self.dims.head_dim]), [0, 2, 1, 3])

    def _merge_heads(self, g, x):
        return g.reshape(g.transpose(x, [0, 2, 1, 3]), [0, 0, self.dims.d_model])

    def _attend(self, g, q, k, v, mask=None):
        """softmax(q k^T / sqrt(head_dim) + mask) v on [B, heads, T, head_dim] tensors."""
        q = g.op("Mul", [q, g.const(self.dims.head_dim ** -0.5)])
        scores = g.op("MatMul", [q, g.transpose(k, [0, 1, 3, 2])])
        if mask is not None:
            scores = g.op("Add", [scores, mask])
        return g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])

    def _project_kv(self, g, x, prefix):
        d = self.dims.d_model
        k = self._split_heads(g, self._linear(g, x, prefix + ".k_proj", d, d, bias=False))
        v = self._split_heads(g, self._linear(g, x, prefix + ".v_proj", d, d))
        return k, v

    def _attention_out(self, g, x, q, k, v, prefix, mask=None, gain=1.0):
        d = self.dims.d_model
        attended = self._merge_heads(g, self._attend(g, self._split_heads(g, q), k, v, mask))
        return g.op("Add", [x, self._linear(g, attended, prefix + ".out_proj", d, d, gain=gain)])

    def _mlp(self, g, x, prefix):
        d, f = self.dims.d_model, self.dims.ffn_dim
        h = self._norm(g, x, prefix + ".final_layer_norm")
        h = self._linear(g, g.gelu(self._linear(g, h, prefix + ".fc1", d, f)), prefix + ".fc2", f, d)
        return g.op("Add", [x, h])

    # ---- encoder ---------------------------------------------------------------------------------------------------

    def _conv(self, g, x, prefix, n_in, n_out, stride):
        w = self._normal(g, prefix + ".weight", (n_out, n_in, 3), (3 * n_in) ** -0.5)
        b = self._normal(g, prefix + ".bias", (n_out,), BIAS_STD)
        y = g.op("Conv", [x, w, b], kernel_shape=[3], pads=[1, 1], strides=[stride])
        return g.gelu(y)

    def encoder(self, g, features):
        dims = self.dims
        x = self._conv(g, features, "model.encoder.conv1", dims.n_mels, dims.d_model, 1)
        x = self._conv(g, x, "model.encoder.conv2", dims.d_model, dims.d_model, 2)
        positions = g.weight("model.encoder.embed_positions.weight", sinusoids(1500, dims.d_model))
        x = g.op("Add", [g.transpose(x, [0, 2, 1]), positions])
        for layer in range(dims.encoder_layers):
            prefix = f"model.encoder.layers.{layer}"
            h = self._norm(g, x, prefix + ".self_attn_layer_norm")
            q = self._linear(g, h, prefix + ".self_attn.q_proj", dims.d_model, dims.d_model, gain=QUERY_GAIN)
            k, v = self._project_kv(g, h, prefix + ".self_attn")
            x = self._attention_out(g, x, q, k, v, prefix + ".self_attn", gain=ENCODER_ATTENTION_OUT_GAIN)
            x = self._mlp(g, x, prefix)
        return self._norm(g, x, "model.encoder.layer_norm")

    # ---- decoder ---------------------------------------------------------------------------------------------------

    def _causal_mask(self, g, past_len, seq_len):
        """[S, P+S] additive mask: query i (absolute position P+i) sees keys 0..P+i."""
        total = g.op("Add", [past_len, seq_len])
        one = g.const(1, INT64)
        query_pos = g.unsqueeze(g.op("Range", [past_len, total, one]), [1])
        key_pos = g.op("Range", [g.const(0, INT64), total, one])
        return g.where(g.op("Greater", [key_pos, query_pos]), g.const(MASKED), g.const(0.0))

    def _embed(self, g, input_ids, past_len, seq_len):
        dims = self.dims
        tokens = self._normal(g, "model.decoder.embed_tokens.weight", (dims.vocab_size, dims.d_model), EMBEDDING_STD)
        positions = self._normal(g, "model.decoder.embed_positions.weight", (448, dims.d_model), POSITION_STD)
        start = g.unsqueeze(past_len, [0])
        end = g.unsqueeze(g.op("Add", [past_len, seq_len]), [0])
        x = g.op("Gather", [tokens, input_ids], axis=0)
        return g.op("Add", [x, g.slice(positions, start, end, [0])]), tokens

    def _self_attention(self, g, x, prefix, mask, past_kv):
        d = self.dims.d_model
        h = self._norm(g, x, prefix + ".self_attn_layer_norm")
        q = self._linear(g, h, prefix + ".self_attn.q_proj", d, d, gain=QUERY_GAIN)
        k, v = self._project_kv(g, h, prefix + ".self_attn")
        if past_kv is not None:
            k = g.op("Concat", [past_kv[0], k], axis=2)
            v = g.op("Concat", [past_kv[1], v], axis=2)
        return self._attention_out(g, x, q, k, v, prefix + ".self_attn", mask), k, v

    def _cross_attention(self, g, x, prefix, encoder_states, past_kv):
        d = self.dims.d_model
        h = self._norm(g, x, prefix + ".encoder_attn_layer_norm")
        q = self._linear(g, h, prefix + ".encoder_attn.q_proj", d, d, gain=CROSS_QUERY_GAIN)
        if past_kv is None:
            k, v = self._project_kv(g, encoder_states, prefix + ".encoder_attn")
        else:
            k, v = past_kv
        return self._attention_out(g, x, q, k, v, prefix + ".encoder_attn", gain=CROSS_OUT_GAIN), k, v

    def _logits(self, g, x, tokens, input_ids):
        dims = self.dims
        flat = g.reshape(x, [-1, dims.d_model])
        bias = np.zeros(dims.vocab_size, np.float32)
        bias[self.eot_id] = self.eot_logit_bias
        logits = g.op("Gemm", [flat, tokens, g.weight("proj_out.logit_bias", bias)], transB=1)
        shape = g.op("Concat", [g.op("Shape", [input_ids]), g.const([dims.vocab_size], INT64)], axis=0)
        return g.op("Reshape", [logits, shape])

    def decoder(self, g, input_ids, encoder_states, past):
        seq_len = g.dim(input_ids, 1)
        past_len = g.dim(past[0][0], 2) if past else g.const(0, INT64)
        x, tokens = self._embed(g, input_ids, past_len, seq_len)
        mask = self._causal_mask(g, past_len, seq_len)
        presents = []
        for layer in range(self.dims.decoder_layers):
            prefix = f"model.decoder.layers.{layer}"
            x, dk, dv = self._self_attention(g, x, prefix, mask, past[layer][:2] if past else None)
            x, ek, ev = self._cross_attention(g, x, prefix, encoder_states, past[layer][2:] if past else None)
            x = self._mlp(g, x, prefix)
            presents.append((dk, dv, None if past else ek, None if past else ev))
        x = self._norm(g, x, "model.decoder.layer_norm")
        return self._logits(g, x, tokens, input_ids), presents
