#!/usr/bin/python3
"""Generates Whisper ONNX fixture models in the Hugging Face Optimum layout, for callscribe's engine tests and benches.

No real weights can be downloaded where callscribe is built, so the tests use models this script makes. They follow
the export contract of research/model.md section 3.2 exactly (file names, tensor names, dtypes, dynamic axes, the
merged decoder's If on use_cache_branch, the KV-cache protocol), carry config.json, generation_config.json,
preprocessor_config.json and a Hugging Face byte-level BPE tokenizer.json with Whisper's special and 1501 timestamp
tokens, so the engine's real loading and decoding code runs on them.

Run with Debian's interpreter, which has python3-onnx (1.12) and python3-numpy (ONNX opset 17, IR version 8; every
file is validated with onnx.checker after writing):

  /usr/bin/python3 whisper_fixtures.py random --out DIR [--d-model 32 --heads 2 --encoder-layers 2
      --decoder-layers 2 --n-mels 80 --vocab-size N --seed 0 --multilingual --languages en,de,es,fr
      --layout optimum|onnx-community --variants quantized --eot-logit-bias B]
      A real Whisper-architecture transformer with random weights (fixturegen/random_model.py).
      --vocab-size pads the BPE vocabulary with filler tokens so the tokenizer and the logits agree; with
      `--languages whisper` (99 languages) or `whisper-v3` (100) the special token ids equal the real ones
      (e.g. English-only with 51864: <|endoftext|> = 50256). --eot-logit-bias B adds B to the end-of-text logit
      (default 0: with the initialisation of fixturegen/random_model.py greedy decoding does not end at once; a
      negative B keeps a decode going longer if another size or seed does).
      distil-small.en size (for benches; about 1.3 GB on disk, never commit it):
        random --out DIR --d-model 768 --heads 12 --encoder-layers 12 --decoder-layers 4 --n-mels 80
               --vocab-size 51864 --languages whisper
      distil-large-v3 size (files over ~1.8 GB of weights are written with external data, FILE.onnx_data):
        random --out DIR --d-model 1280 --heads 20 --encoder-layers 32 --decoder-layers 2 --n-mels 128
               --vocab-size 51866 --multilingual --languages whisper-v3

  /usr/bin/python3 whisper_fixtures.py oracle --out DIR [--layout optimum|onnx-community]
      The oracle: same layout and protocol, hand-built so the transcript follows from the audio (one tone per 1 s
      slot selects a word; fixturegen/oracle_model.py documents the design) and writes oracle.json beside it.

--external-data always|never|auto (default auto) chooses whether weights go to FILE.onnx_data beside each file.
--layout onnx-community writes the transformers.js layout instead: onnx/encoder_model.onnx and
onnx/decoder_model_merged.onnx plus, for each --variants suffix (transformers.js dtype suffixes: quantized, fp16,
int8, uint8, q4, q4f16, bnb4), onnx/encoder_model_<suffix>.onnx and onnx/decoder_model_merged_<suffix>.onnx. These
variants are the fp32 graphs under the variant file names (no ONNX Runtime quantizer is available here); the model
metadata property callscribe.fixture.variant names which variant a file is.
Output is deterministic: the same command writes the same bytes.
"""

import argparse
import os
import sys
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree

from fixturegen import configs, layout, oracle_model  # noqa: E402
from fixturegen import tokenizer as toks  # noqa: E402
from fixturegen.configs import Dims  # noqa: E402
from fixturegen.random_model import RandomWhisper  # noqa: E402

DEFAULT_LANGUAGES = ("en", "de", "es", "fr")  # Whisper's order


def _writer(out_dir):
    def write_text(name, text):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            f.write(text)

    def write_json(name, obj, compact=False):
        write_text(name, toks.dumps(obj, compact))
    return write_json, write_text


def _languages(spec, multilingual):
    if spec is None:
        return DEFAULT_LANGUAGES if multilingual else ()
    if spec == "whisper":
        return tuple(toks.WHISPER_LANGUAGES[:99])
    if spec == "whisper-v3":
        return tuple(toks.WHISPER_LANGUAGES)
    if spec == "":
        return ()
    unknown = [code for code in spec.split(",") if code not in toks.WHISPER_LANGUAGES]
    if unknown:
        raise SystemExit(f"unknown language codes {unknown}; expected Whisper codes such as en,de,es,fr")
    return tuple(sorted(spec.split(","), key=toks.WHISPER_LANGUAGES.index))


def _write_common(out_dir, name, dims, tok, multilingual):
    write_json, write_text = _writer(out_dir)
    write_json("config.json", configs.config_json(name, dims, tok))
    write_json("generation_config.json", configs.generation_config_json(tok, multilingual))
    write_json("preprocessor_config.json", configs.preprocessor_config_json(dims))
    toks.write_files(tok, write_json, write_text)
    return write_json


def _write_models(arch, out_dir, args):
    def log(path):
        data = path + "_data"
        extra = f" + {os.path.getsize(data) / 1e6:.2f} MB external data" if os.path.exists(data) else ""
        print(f"  {path}  {os.path.getsize(path) / 1e6:.2f} MB{extra}", flush=True)
    if args.layout == "optimum":
        layout.write_optimum(arch, out_dir, log, args.external_data)
    else:
        variants = [v for v in args.variants.split(",") if v]
        layout.write_onnx_community(arch, out_dir, variants, log, args.external_data)


def command_random(args):
    multilingual = args.multilingual
    tok = toks.build(_languages(args.languages, multilingual), args.vocab_size)
    dims = Dims(args.d_model, args.heads, args.encoder_layers, args.decoder_layers, args.n_mels, tok.size)
    name = args.name or f"callscribe/random-whisper-{'multilingual' if multilingual else 'en'}"
    doc = (f"Random-weight Whisper fixture (seed {args.seed}, d_model {dims.d_model}, {dims.heads} heads, "
           f"{dims.encoder_layers}+{dims.decoder_layers} layers, {dims.n_mels} mels, vocab {dims.vocab_size}); "
           f"generated by whisper_fixtures.py, not a trained model.")
    os.makedirs(args.out, exist_ok=True)
    _write_common(args.out, name, dims, tok, multilingual)
    arch = RandomWhisper(name, dims, args.seed, tok.eot, args.eot_logit_bias, doc)
    _write_models(arch, args.out, args)


def command_oracle(args):
    oracle_model.check_frequencies()
    tok = toks.build(DEFAULT_LANGUAGES)
    ids = configs.special_ids(tok)
    words = [tok.encode_word(" " + w) for w in oracle_model.WORDS]
    if any(len(w) != 1 for w in words):
        raise AssertionError(f"every oracle word must be one token: {words}")
    doc = "Oracle Whisper fixture: tones in 1 s slots select words; see oracle.json. Not a trained model."
    arch = oracle_model.OracleWhisper(tok.size, ids, [w[0] for w in words], tok.id_of("<|en|>"), doc)
    os.makedirs(args.out, exist_ok=True)
    write_json = _write_common(args.out, "callscribe/oracle-whisper", arch.dims, tok, multilingual=True)
    write_json("oracle.json", oracle_model.oracle_json(tok, ids))
    _write_models(arch, args.out, args)


def _add_layout_options(parser):
    parser.add_argument("--out", required=True, help="output folder (created if missing)")
    parser.add_argument("--layout", choices=("optimum", "onnx-community"), default="optimum",
                        help="optimum: four files at the root; onnx-community: onnx/ with dtype-suffixed copies")
    parser.add_argument("--variants", default="quantized",
                        help="comma-separated transformers.js dtype suffixes for --layout onnx-community")
    parser.add_argument("--external-data", choices=("auto", "always", "never"), default="auto",
                        help="weights in FILE.onnx_data: auto above ~1.8 GB (protobuf's 2 GiB limit), always "
                             "(to test loaders of external data), never")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    random_cmd = sub.add_parser("random", help="Whisper-architecture model with random weights")
    _add_layout_options(random_cmd)
    random_cmd.add_argument("--d-model", type=int, default=32)
    random_cmd.add_argument("--heads", type=int, default=2)
    random_cmd.add_argument("--encoder-layers", type=int, default=2)
    random_cmd.add_argument("--decoder-layers", type=int, default=2)
    random_cmd.add_argument("--n-mels", type=int, default=80)
    random_cmd.add_argument("--vocab-size", type=int, default=None, help="pad the vocabulary to this size")
    random_cmd.add_argument("--seed", type=int, default=0)
    random_cmd.add_argument("--multilingual", action="store_true", help="language/task tokens in prompts")
    random_cmd.add_argument("--languages", default=None,
                            help="comma-separated codes, 'whisper' (99), 'whisper-v3' (100) or '' (none); "
                                 "default en,de,es,fr when multilingual, none otherwise")
    random_cmd.add_argument("--eot-logit-bias", type=float, default=0.0)
    random_cmd.add_argument("--name", default=None, help="_name_or_path written to config.json")
    oracle_cmd = sub.add_parser("oracle", help="hand-built model whose transcript is known from the audio")
    _add_layout_options(oracle_cmd)
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    started = time.monotonic()
    {"random": command_random, "oracle": command_oracle}[args.command](args)
    print(f"wrote {args.out} in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
