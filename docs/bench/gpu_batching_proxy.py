"""What batching is worth on a GPU for Whisper-shaped models, and what a decoder step's host copies would cost.

A stand-in for `callscribe bench --provider CUDA` on machines where the Java CUDA build of ONNX Runtime cannot run
(it needs CUDA 12 and weighs 642 MB; see docs/performance.md). It builds Whisper models with random weights and the
published dimensions in PyTorch (no download), then times, per batch size:

- the encoder on 30 s windows;
- greedy decoder steps with the KV cache kept on the GPU (what ONNX Runtime does with IOBinding);
- copying one step's cross-attention cache from host memory to the GPU, which ONNX Runtime's Java API does on every
  decoder step because it has no IOBinding (DESIGN.md).

Prints one JSON object per measurement and writes them all to $OUT/gpu_batching_proxy.json when OUT is set.
Run: PYTHONUNBUFFERED=1 python3 docs/bench/gpu_batching_proxy.py
"""

import json
import os
import time
import traceback

import numpy as np
import torch
from transformers import WhisperConfig, WhisperForConditionalGeneration
from transformers.modeling_outputs import BaseModelOutput

# Dimensions from the model cards and the Distil-Whisper paper (../shared/research/model.md).
MODELS = {
    "distil-large-v3": dict(d_model=1280, encoder_layers=32, decoder_layers=2, heads=20, ffn=5120, mels=128,
                            vocab=51866, dtype=torch.float16, batches=(1, 8, 32)),
    "distil-small.en": dict(d_model=768, encoder_layers=12, decoder_layers=4, heads=12, ffn=3072, mels=80,
                            vocab=51864, dtype=torch.float32, batches=(1, 4, 16)),
}
AUDIO_FRAMES = 3000          # 30 s of log-mel frames
ENCODER_POSITIONS = 1500     # encoder output length for 30 s
NEW_TOKENS = 32              # decoder steps per window, as in the CPU table of docs/performance.md
REPEATS = 5

results = []


def report(**fields):
    results.append(fields)
    print(json.dumps(fields), flush=True)


def timed(run, repeats=REPEATS):
    """Median wall time of run() in ms, after two warm-ups, with the GPU drained around each run."""
    for _ in range(2):
        run()
    torch.cuda.synchronize()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        torch.cuda.synchronize()
        times.append((time.perf_counter() - start) * 1000)
    return float(np.median(times))


def build(dims):
    config = WhisperConfig(vocab_size=dims["vocab"], num_mel_bins=dims["mels"], d_model=dims["d_model"],
                           encoder_layers=dims["encoder_layers"], decoder_layers=dims["decoder_layers"],
                           encoder_attention_heads=dims["heads"], decoder_attention_heads=dims["heads"],
                           encoder_ffn_dim=dims["ffn"], decoder_ffn_dim=dims["ffn"],
                           max_source_positions=ENCODER_POSITIONS, max_target_positions=448,
                           pad_token_id=50256, bos_token_id=50257, eos_token_id=50257,
                           decoder_start_token_id=50258)
    with torch.device("cuda"):
        model = WhisperForConditionalGeneration(config)
    return model.to(dims["dtype"]).eval()


def decode(model, encoded, batch):
    """NEW_TOKENS greedy steps after the start token, the cache staying on the GPU."""
    outputs = BaseModelOutput(last_hidden_state=encoded)
    tokens = torch.full((batch, 1), 50258, dtype=torch.long, device="cuda")
    step = model(encoder_outputs=outputs, decoder_input_ids=tokens, use_cache=True)
    for _ in range(NEW_TOKENS):
        tokens = step.logits[:, -1].argmax(-1, keepdim=True)
        step = model(encoder_outputs=outputs, decoder_input_ids=tokens, past_key_values=step.past_key_values,
                     use_cache=True)


def cross_cache_copy_ms(dims, batch):
    """Host-to-GPU copy of every decoder layer's cross-attention keys and values for one step, from pageable
    memory, as a Java OnnxTensor's buffer is."""
    head_dim = dims["d_model"] // dims["heads"]
    shape = (batch, dims["heads"], ENCODER_POSITIONS, head_dim)
    numpy_dtype = np.float16 if dims["dtype"] == torch.float16 else np.float32
    host = [np.random.rand(*shape).astype(numpy_dtype) for _ in range(2 * dims["decoder_layers"])]
    megabytes = sum(array.nbytes for array in host) / 1e6
    return timed(lambda: [torch.from_numpy(array).to("cuda") for array in host]), megabytes


def attempt(what, run):
    """run()'s result, or None with the error printed: one failing measurement must not lose the others."""
    try:
        return run()
    except Exception:
        print("failed:", what, flush=True)
        traceback.print_exc()
        return None


def measure(name, dims):
    model = build(dims)
    with torch.inference_mode():
        for batch in dims["batches"]:
            features = torch.randn(batch, dims["mels"], AUDIO_FRAMES, dtype=dims["dtype"], device="cuda")
            encoder_ms = attempt("encoder", lambda: timed(lambda: model.model.encoder(input_features=features)))
            encoded = model.model.encoder(input_features=features).last_hidden_state
            decoder_ms = attempt("decoder", lambda: timed(lambda: decode(model, encoded, batch), repeats=3))
            copy = attempt("copy", lambda: cross_cache_copy_ms(dims, batch))
            report(model=name, dtype=str(dims["dtype"]).replace("torch.", ""), batch=batch,
                   encoder_ms_per_window=per(encoder_ms, batch),
                   decoder_ms_per_step=per(decoder_ms, NEW_TOKENS + 1),
                   decoder_ms_per_window=per(decoder_ms, batch),
                   cross_cache_mb_per_step=None if copy is None else round(copy[1], 1),
                   cross_cache_copy_ms_per_step=None if copy is None else round(copy[0], 3))
            del features, encoded
    del model
    torch.cuda.empty_cache()


def per(total_ms, count):
    return None if total_ms is None else round(total_ms / count, 3)


def main():
    import transformers
    report(gpu=torch.cuda.get_device_name(0), torch=torch.__version__, transformers=transformers.__version__,
           cuda=torch.version.cuda, tf32_matmul=torch.backends.cuda.matmul.allow_tf32)
    for name, dims in MODELS.items():
        attempt(name, lambda: measure(name, dims))
    if os.environ.get("OUT"):
        with open(os.path.join(os.environ["OUT"], "gpu_batching_proxy.json"), "w") as out:
            json.dump(results, out, indent=1)


if __name__ == "__main__":
    main()
