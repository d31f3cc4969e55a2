"""The Optimum ONNX export contract: file names, tensor names, dtypes, dynamic axes and the merged decoder.

An architecture object supplies the graph bodies; this module wraps them into the four files that
`optimum-cli export onnx --task automatic-speech-recognition-with-past` writes (research/model.md section 3.2):

  encoder_model.onnx            input_features [batch_size, n_mels, 3000] -> last_hidden_state [batch_size, 1500, d]
  decoder_model.onnx            input_ids, encoder_hidden_states -> logits, present.{i}.decoder|encoder.key|value
  decoder_with_past_model.onnx  input_ids, past_key_values.{i}.decoder|encoder.key|value -> logits,
                                present.{i}.decoder.key|value
  decoder_model_merged.onnx     input_ids, encoder_hidden_states, past_key_values.* (per layer: decoder.key,
                                decoder.value, encoder.key, encoder.value), use_cache_branch bool [1];
                                If(use_cache_branch): then = with-past body, else = no-past body. In the then branch
                                present.{i}.encoder.* are empty constants of shape [0, heads, 1, head_dim] (what
                                Optimum's _unify_onnx_outputs makes), so callers must keep step 1's cross K/V.

An architecture provides `dims` (configs.Dims), `name`, and two methods:
  encoder(g, features) -> hidden state name
  decoder(g, input_ids, encoder_states, past) -> (logits, [(dk, dv, ek, ev) per layer])
where `past` is None (no-past body: encoder_states given, ek/ev computed) or a list of (dk, dv, ek, ev) input names
(with-past body: encoder_states is None and the returned ek/ev are None).
"""

import os

import onnx
from onnx import helper

from .graph import BOOL, FLOAT, INT64, GraphBuilder, Initializers, make_branch, make_model, value_info

N_FRAMES = 3000
ENCODER_FRAMES = 1500
# Above this many bytes of weights a file is written with external data (protobuf cannot exceed 2 GiB).
EXTERNAL_DATA_THRESHOLD = 1_800_000_000

BATCH = "batch_size"
DECODER_SEQ = "decoder_sequence_length"
PAST_SEQ = "past_decoder_sequence_length"
PRESENT_SEQ = "past_decoder_sequence_length + decoder_sequence_length"
ENCODER_SEQ = "encoder_sequence_length"
KINDS = (("decoder", "key"), ("decoder", "value"), ("encoder", "key"), ("encoder", "value"))


def past_names(layer):
    return [f"past_key_values.{layer}.{part}.{kind}" for part, kind in KINDS]


def present_names(layer):
    return [f"present.{layer}.{part}.{kind}" for part, kind in KINDS]


def _kv_info(name, dims, seq):
    return value_info(name, FLOAT, [BATCH, dims.heads, seq, dims.head_dim])


def _past_inputs(dims):
    inputs = []
    for layer in range(dims.decoder_layers):
        dk, dv, ek, ev = past_names(layer)
        inputs += [_kv_info(dk, dims, PAST_SEQ), _kv_info(dv, dims, PAST_SEQ),
                   _kv_info(ek, dims, ENCODER_SEQ), _kv_info(ev, dims, ENCODER_SEQ)]
    return inputs


def _ids_info():
    return value_info("input_ids", INT64, [BATCH, DECODER_SEQ])


def _states_info(dims):
    return value_info("encoder_hidden_states", FLOAT, [BATCH, ENCODER_SEQ, dims.d_model])


def _logits_info(dims):
    return value_info("logits", FLOAT, [BATCH, DECODER_SEQ, dims.vocab_size])


def _present_outputs(dims, with_encoder):
    outputs = []
    for layer in range(dims.decoder_layers):
        dk, dv, ek, ev = present_names(layer)
        outputs += [_kv_info(dk, dims, PRESENT_SEQ), _kv_info(dv, dims, PRESENT_SEQ)]
        if with_encoder:
            outputs += [_kv_info(ek, dims, ENCODER_SEQ), _kv_info(ev, dims, ENCODER_SEQ)]
    return outputs


def _past_tuples(dims):
    return [tuple(past_names(layer)) for layer in range(dims.decoder_layers)]


def _rename(g, values, names):
    for value, name in zip(values, names):
        g.op("Identity", [value], out=name)


def encoder_model(arch):
    dims = arch.dims
    g = GraphBuilder("", Initializers())
    hidden = arch.encoder(g, "input_features")
    _rename(g, [hidden], ["last_hidden_state"])
    inputs = [value_info("input_features", FLOAT, [BATCH, dims.n_mels, N_FRAMES])]
    outputs = [value_info("last_hidden_state", FLOAT, [BATCH, ENCODER_FRAMES, dims.d_model])]
    return make_model(g, f"{arch.name} encoder", inputs, outputs, arch.doc)


def decoder_model(arch):
    dims = arch.dims
    g = GraphBuilder("", Initializers())
    logits, presents = arch.decoder(g, "input_ids", "encoder_hidden_states", None)
    _rename(g, [logits], ["logits"])
    for layer, values in enumerate(presents):
        _rename(g, values, present_names(layer))
    outputs = [_logits_info(dims)] + _present_outputs(dims, with_encoder=True)
    return make_model(g, f"{arch.name} decoder", [_ids_info(), _states_info(dims)], outputs, arch.doc)


def decoder_with_past_model(arch):
    dims = arch.dims
    g = GraphBuilder("", Initializers())
    logits, presents = arch.decoder(g, "input_ids", None, _past_tuples(dims))
    _rename(g, [logits], ["logits"])
    for layer, values in enumerate(presents):
        _rename(g, values[:2], present_names(layer)[:2])
    outputs = [_logits_info(dims)] + _present_outputs(dims, with_encoder=False)
    return make_model(g, f"{arch.name} decoder with past", [_ids_info()] + _past_inputs(dims), outputs, arch.doc)


def _branch_outputs(g, logits, presents, prefix):
    values = [logits] + [v for layer in presents for v in layer]
    names = [prefix + "logits"] + [prefix + n for layer in range(len(presents)) for n in present_names(layer)]
    _rename(g, values, names)
    return [helper.make_tensor_value_info(n, FLOAT, None) for n in names]


def _empty_cross_cache(g, dims):
    """The with-past branch's stand-in for present.*.encoder.*: shape [0, heads, 1, head_dim], no data."""
    shape = [0, dims.heads, 1, dims.head_dim]
    return g.op("Constant", [], value=helper.make_tensor(g._fresh("empty_cross_kv"), FLOAT, shape, []))


def decoder_model_merged(arch):
    dims = arch.dims
    inits = Initializers()
    with_past = GraphBuilder("with_past/", inits)
    logits, presents = arch.decoder(with_past, "input_ids", None, _past_tuples(dims))
    presents = [(dk, dv, _empty_cross_cache(with_past, dims), _empty_cross_cache(with_past, dims))
                for dk, dv, _, _ in presents]
    then_branch = make_branch(with_past, "with_past", _branch_outputs(with_past, logits, presents, "with_past/"))
    no_past = GraphBuilder("no_past/", inits)
    logits, presents = arch.decoder(no_past, "input_ids", "encoder_hidden_states", None)
    else_branch = make_branch(no_past, "no_past", _branch_outputs(no_past, logits, presents, "no_past/"))
    main = GraphBuilder("", inits)
    out_names = ["logits"] + [n for layer in range(dims.decoder_layers) for n in present_names(layer)]
    main.op("If", ["use_cache_branch"], out=out_names, then_branch=then_branch, else_branch=else_branch)
    inputs = [_ids_info(), _states_info(dims)] + _past_inputs(dims) + [value_info("use_cache_branch", BOOL, [1])]
    outputs = [_logits_info(dims)] + _present_outputs(dims, with_encoder=True)
    return make_model(main, f"{arch.name} merged decoder", inputs, outputs, arch.doc)


OPTIMUM_FILES = {
    "encoder_model.onnx": encoder_model,
    "decoder_model.onnx": decoder_model,
    "decoder_with_past_model.onnx": decoder_with_past_model,
    "decoder_model_merged.onnx": decoder_model_merged,
}
# transformers.js loads only these two from onnx/ (research/model.md section 3.3).
ONNX_COMMUNITY_FILES = ("encoder_model.onnx", "decoder_model_merged.onnx")


def save(model, path, variant="fp32", external_data="auto"):
    """Writes one model and validates the written file with onnx.checker.

    external_data: "auto" puts the weights in FILE.onnx_data beside the model when they exceed
    EXTERNAL_DATA_THRESHOLD, "always" does so for any size (to test loaders), "never" keeps them inline.
    """
    helper.set_model_props(model, {"callscribe.fixture.variant": variant})
    weight_bytes = sum(len(t.raw_data) for t in model.graph.initializer)
    threshold = {"always": 0, "auto": EXTERNAL_DATA_THRESHOLD, "never": float("inf")}[external_data]
    if weight_bytes > threshold:
        onnx.save_model(model, path, save_as_external_data=True, all_tensors_to_one_file=True,
                        location=os.path.basename(path) + "_data", size_threshold=1024)
    else:
        onnx.save_model(model, path)
    validate(path)


def validate(path):
    """onnx.checker on the written file (works past 2 GiB), plus strict shape inference.

    check_model(path, full_check=True) would write the inferred shapes back into the file, so inference writes to a
    scratch file instead, which is then removed.
    """
    onnx.checker.check_model(path)
    scratch = path + ".shape-check"
    try:
        onnx.shape_inference.infer_shapes_path(path, scratch, check_type=True, strict_mode=True)
    finally:
        if os.path.exists(scratch):
            os.remove(scratch)


def write_optimum(arch, out_dir, log, external_data="auto"):
    """The root layout of `optimum-cli export onnx`: all four files."""
    for file_name, build in OPTIMUM_FILES.items():
        path = os.path.join(out_dir, file_name)
        save(build(arch), path, external_data=external_data)
        log(path)


def write_onnx_community(arch, out_dir, variants, log, external_data="auto"):
    """The transformers.js layout: onnx/<name>.onnx plus onnx/<name>_<suffix>.onnx for each variant suffix.

    The variants are the fp32 graph under the variant's file name (no ONNX Runtime quantizer is available to the
    generator); each file's metadata `callscribe.fixture.variant` names the variant so tests can tell which was loaded.
    A model large enough for external data is saved once with it; the variant files then reference that same data
    file (save() moved the weights out of the proto), so the weights are not duplicated on disk.
    """
    onnx_dir = os.path.join(out_dir, "onnx")
    os.makedirs(onnx_dir, exist_ok=True)
    for file_name in ONNX_COMMUNITY_FILES:
        model = OPTIMUM_FILES[file_name](arch)
        stem = file_name[:-len(".onnx")]
        for suffix in [""] + list(variants):
            path = os.path.join(onnx_dir, f"{stem}_{suffix}.onnx" if suffix else file_name)
            save(model, path, variant=suffix or "fp32", external_data=external_data)
            log(path)
