"""config.json, generation_config.json and preprocessor_config.json as transformers writes them for Whisper."""

from dataclasses import dataclass

from . import tokenizer as toks

TRANSFORMERS_VERSION = "4.57.6"
MAX_SOURCE_POSITIONS = 1500
MAX_TARGET_POSITIONS = 448


@dataclass(frozen=True)
class Dims:
    """Architecture sizes; head_dim = d_model / heads."""
    d_model: int
    heads: int
    encoder_layers: int
    decoder_layers: int
    n_mels: int
    vocab_size: int

    def __post_init__(self):
        if self.d_model % self.heads:
            raise ValueError(f"d_model {self.d_model} is not divisible by heads {self.heads}")

    @property
    def head_dim(self):
        return self.d_model // self.heads

    @property
    def ffn_dim(self):
        return 4 * self.d_model


def special_ids(tok):
    return {
        "eot": tok.id_of("<|endoftext|>"),
        "sot": tok.id_of("<|startoftranscript|>"),
        "translate": tok.id_of("<|translate|>"),
        "transcribe": tok.id_of("<|transcribe|>"),
        "startoflm": tok.id_of("<|startoflm|>"),
        "startofprev": tok.id_of("<|startofprev|>"),
        "nospeech": tok.id_of("<|nospeech|>"),
        "notimestamps": tok.id_of("<|notimestamps|>"),
        "timestamp_begin": tok.timestamp_begin,
    }


def suppress_tokens(tok):
    """Whisper's suppress list: non-speech symbols plus the control tokens that must never be sampled."""
    ids = special_ids(tok)
    controls = [ids["sot"], ids["translate"], ids["transcribe"], ids["startoflm"], ids["startofprev"],
                ids["nospeech"]]
    return sorted(set(toks.non_speech_tokens(tok)) | set(controls))


def config_json(name, dims, tok):
    ids = special_ids(tok)
    return {
        "_name_or_path": name,
        "activation_dropout": 0.0,
        "activation_function": "gelu",
        "apply_spec_augment": False,
        "architectures": ["WhisperForConditionalGeneration"],
        "attention_dropout": 0.0,
        "begin_suppress_tokens": [tok.encode_word(" ")[0], ids["eot"]],
        "bos_token_id": ids["eot"],
        "classifier_proj_size": 256,
        "d_model": dims.d_model,
        "decoder_attention_heads": dims.heads,
        "decoder_ffn_dim": dims.ffn_dim,
        "decoder_layerdrop": 0.0,
        "decoder_layers": dims.decoder_layers,
        "decoder_start_token_id": ids["sot"],
        "dropout": 0.0,
        "encoder_attention_heads": dims.heads,
        "encoder_ffn_dim": dims.ffn_dim,
        "encoder_layerdrop": 0.0,
        "encoder_layers": dims.encoder_layers,
        "eos_token_id": ids["eot"],
        "init_std": 0.02,
        "is_encoder_decoder": True,
        "max_source_positions": MAX_SOURCE_POSITIONS,
        "max_target_positions": MAX_TARGET_POSITIONS,
        "model_type": "whisper",
        "num_hidden_layers": dims.encoder_layers,
        "num_mel_bins": dims.n_mels,
        "pad_token_id": ids["eot"],
        "scale_embedding": False,
        "suppress_tokens": suppress_tokens(tok),
        "torch_dtype": "float32",
        "transformers_version": TRANSFORMERS_VERSION,
        "use_cache": True,
        "vocab_size": dims.vocab_size,
    }


def generation_config_json(tok, multilingual):
    """English-only checkpoints carry no lang_to_id / task_to_id (their language tokens exist but are unused)."""
    ids = special_ids(tok)
    config = {
        "begin_suppress_tokens": [tok.encode_word(" ")[0], ids["eot"]],
        "bos_token_id": ids["eot"],
        "decoder_start_token_id": ids["sot"],
        "eos_token_id": ids["eot"],
        "is_multilingual": multilingual,
        "max_initial_timestamp_index": 50,
        "max_length": MAX_TARGET_POSITIONS,
        "no_timestamps_token_id": ids["notimestamps"],
        "pad_token_id": ids["eot"],
        "prev_sot_token_id": ids["startofprev"],
        "return_timestamps": False,
        "suppress_tokens": suppress_tokens(tok),
        "transformers_version": TRANSFORMERS_VERSION,
    }
    if multilingual:
        config["lang_to_id"] = {f"<|{code}|>": tok.id_of(f"<|{code}|>") for code in tok.languages}
        config["task_to_id"] = {"transcribe": ids["transcribe"], "translate": ids["translate"]}
    return dict(sorted(config.items()))


def preprocessor_config_json(dims):
    return {
        "chunk_length": 30,
        "dither": 0.0,
        "feature_extractor_type": "WhisperFeatureExtractor",
        "feature_size": dims.n_mels,
        "hop_length": 160,
        "n_fft": 400,
        "n_samples": 480000,
        "nb_max_frames": 3000,
        "padding_side": "right",
        "padding_value": 0.0,
        "processor_class": "WhisperProcessor",
        "return_attention_mask": False,
        "sampling_rate": 16000,
    }
