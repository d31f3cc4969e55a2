"""The oracle fixture: a hand-built "Whisper" whose transcript is known from the audio.

Audio design. The 30 s window is cut into 30 slots of 1.0 s (100 mel frames, 50 encoder frames, 50 timestamp steps).
A slot is silent or carries one pure sine tone; tone k (frequency FREQUENCIES[k], chosen at the FFT bin where
80-bin Slaney mel filter MEL_BINS[k] peaks) means word WORDS[k]. Tones should fade in and out over ~10 ms; any
peak amplitude from 0.01 to 1.0 works, as long as every tone of a window is within 40 dB of the loudest one, also
with white noise at least 10 dB below the tones.

Encoder (input_features -> last_hidden_state [B, 1500, 128]). Per slot it averages mel frames 10..89 of the slot
(skipping onsets and the STFT window's spill-over), takes for each word k the contrast mel[MEL_BINS[k]] - mean over
all 80 bins, and calls the slot voiced when the largest contrast exceeds THRESHOLD (0.25 in log-mel units; silence
gives < 0.05, a tone 0.4 .. 1.9). Every encoder frame of a slot then carries 4 channels: rank (how many voiced slots
precede it; -1000 when unvoiced), word index (-1 when unvoiced), slot index, voiced flag; the other channels are 0.

Decoder. Cross-attention "keys and values" are projections of those channels, one per cache tensor:
present.0.encoder.key = rank, present.0.encoder.value = word, present.1.encoder.key = voiced,
present.1.encoder.value = slot (head 0, dim 0; the rest 0). Self-attention caches store one flag per token:
present.0.decoder.key = is <|startoftranscript|>, present.0.decoder.value = text token after SOT,
present.1.decoder.key = timestamp token after SOT, present.1.decoder.value = <|notimestamps|> after SOT.
At every position the decoder sums those flags over the history (the cache plus the new tokens): a = text tokens
(ids below <|endoftext|>) and t = timestamp tokens emitted since SOT, timestamps mode = no <|notimestamps|> since
SOT; it looks up the a-th and (a-1)-th voiced slot in the cross cache by rank, and puts logit LOGIT on one token,
0 on all others (N = number of voiced slots):
  - at a <|startoftranscript|> position: <|nospeech|> if no slot is voiced, else the first language token (<|en|>);
  - without timestamps: word a, or <|endoftext|> once a reaches N;
  - with timestamps, by phase t - 2a: 0 -> start timestamp of voiced slot a (the first one clamped to <|1.00|>,
    Whisper's max_initial_timestamp_index 50); 1 -> word a; -1 -> end timestamp of voiced slot a-1; whenever that
    slot does not exist, and for any other phase -> <|endoftext|>;
  - the loop word ("again"): once it has been emitted, it is emitted again at every step (never <|endoftext|>).
Silence under Whisper's logit rules: begin_suppress_tokens forbids <|endoftext|> as the first token, so an engine is
forced to a near-uniform choice there (log-probability about -4 to -8); the oracle then says <|endoftext|>, so the
window's average log-probability stays below -1 while its no-speech probability is > 0.99: Whisper's silence rule.
So the with-past graphs read the audio only from past_key_values.*.encoder.* and the history only from
past_key_values.*.decoder.*; a caller that drops or swaps cache tensors gets different tokens. Every row of a batch is
computed independently. The timestamp stream obeys Whisper's timestamp rules (pairs, monotonic, non-zero segments,
initial timestamp <= 1.00 s, timestamps never outweigh the chosen text token), so logit rules leave it unchanged.
"""

import numpy as np

from .configs import Dims
from .graph import FLOAT, INT64

SAMPLE_RATE = 16000
SLOT_SECONDS = 1.0
SLOTS = 30
MEL_FRAMES_PER_SLOT = 100
ENCODER_FRAMES_PER_SLOT = 50
TIMESTAMP_STEPS_PER_SLOT = 50
ANALYSIS_FRAMES = (10, 90)
THRESHOLD = 0.25
LOGIT = 15.0
MAX_INITIAL_TIMESTAMP_INDEX = 50
N_MELS = 80
MEL_BINS = (20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70)
FREQUENCIES = (800, 960, 1160, 1440, 1720, 2080, 2520, 3080, 3720, 4480, 5440)
WORDS = ("hello", "world", "account", "payment", "refund", "thanks", "order", "number", "please", "agent", "again")
LOOP_WORD = "again"
UNVOICED_RANK = -1000.0
CHANNELS = ("rank", "word", "slot", "voiced")
# Which encoder channel each cross-attention cache tensor carries: (layer, "key"|"value") -> channel.
CROSS_CACHE = {(0, "key"): "rank", (0, "value"): "word", (1, "key"): "voiced", (1, "value"): "slot"}
DIMS_D_MODEL = 128
DIMS_HEADS = 2
DIMS_LAYERS = 2


def slaney_mel_filters(n_mels, sample_rate=SAMPLE_RATE, n_fft=400):
    """librosa.filters.mel(sr, n_fft, n_mels) with Slaney scale and norm, [n_mels, n_fft/2 + 1]."""
    def hz_to_mel(f):
        f = np.asarray(f, np.float64)
        return np.where(f >= 1000.0, 15.0 + np.log(np.maximum(f, 1e-10) / 1000.0) / (np.log(6.4) / 27.0),
                        f / (200.0 / 3.0))

    def mel_to_hz(m):
        m = np.asarray(m, np.float64)
        return np.where(m >= 15.0, 1000.0 * np.exp(np.log(6.4) / 27.0 * (m - 15.0)), m * 200.0 / 3.0)

    fft_freqs = np.linspace(0, sample_rate / 2, n_fft // 2 + 1)
    hz = mel_to_hz(np.linspace(hz_to_mel(0.0), hz_to_mel(sample_rate / 2), n_mels + 2))
    ramps = hz[:, None] - fft_freqs[None, :]
    weights = np.zeros((n_mels, n_fft // 2 + 1))
    for i in range(n_mels):
        lower = -ramps[i] / (hz[i + 1] - hz[i])
        upper = ramps[i + 2] / (hz[i + 2] - hz[i + 1])
        weights[i] = np.maximum(0, np.minimum(lower, upper)) * 2.0 / (hz[i + 2] - hz[i])
    return weights


def check_frequencies():
    """Each word's tone sits on the FFT bin (40 Hz apart) where its mel filter peaks."""
    filters = slaney_mel_filters(N_MELS)
    for mel_bin, frequency in zip(MEL_BINS, FREQUENCIES):
        peak = int(np.argmax(filters[mel_bin])) * SAMPLE_RATE // 400
        if peak != frequency:
            raise AssertionError(f"mel bin {mel_bin} peaks at {peak} Hz, not {frequency} Hz")


class OracleWhisper:
    """Graph bodies for layout.py. `ids` maps special token names to ids (configs.special_ids)."""

    name = "oracle"

    def __init__(self, vocab_size, ids, word_token_ids, language_token_id, doc):
        self.dims = Dims(DIMS_D_MODEL, DIMS_HEADS, 2, DIMS_LAYERS, N_MELS, vocab_size)
        self.ids = ids
        self.word_token_ids = list(word_token_ids)
        self.language_token_id = language_token_id
        self.doc = doc

    # ---- encoder ---------------------------------------------------------------------------------------------------

    def _slot_contrast(self, g, features):
        """[B, words, slots]: mean over each slot's analysis frames of mel[word bin] - mean over all bins."""
        tone = g.op("Gather", [features, g.const(list(MEL_BINS), INT64)], axis=1)
        background = g.op("ReduceMean", [features], axes=[1], keepdims=1)
        contrast = g.reshape(g.op("Sub", [tone, background]), [0, len(MEL_BINS), SLOTS, MEL_FRAMES_PER_SLOT])
        inner = g.slice(contrast, [ANALYSIS_FRAMES[0]], [ANALYSIS_FRAMES[1]], [3])
        return g.op("ReduceMean", [inner], axes=[3], keepdims=0)

    def encoder(self, g, features):
        contrast = self._slot_contrast(g, features)
        best = g.cast(g.op("ArgMax", [contrast], axis=1, keepdims=0), FLOAT)
        voiced = g.op("Greater", [g.op("ReduceMax", [contrast], axes=[1], keepdims=0), g.const(THRESHOLD)])
        voiced_f = g.cast(voiced, FLOAT)
        rank = g.op("Sub", [g.op("CumSum", [voiced_f, g.const(1, INT64)]), g.const(1.0)])
        slot = g.op("Add", [g.op("Mul", [voiced_f, g.const(0.0)]), g.const(np.arange(SLOTS, dtype=np.float32))])
        channels = {"rank": g.where(voiced, rank, g.const(UNVOICED_RANK)),
                    "word": g.where(voiced, best, g.const(-1.0)), "slot": slot, "voiced": voiced_f}
        per_slot = g.op("Concat", [g.unsqueeze(channels[c], [2]) for c in CHANNELS], axis=2)
        batch = g.dim1(features, 0)
        frames_shape = g.op("Concat", [batch, g.const([SLOTS, ENCODER_FRAMES_PER_SLOT, len(CHANNELS)], INT64)],
                            axis=0)
        frames = g.op("Expand", [g.unsqueeze(per_slot, [2]), frames_shape])
        frames = g.reshape(frames, [0, SLOTS * ENCODER_FRAMES_PER_SLOT, len(CHANNELS)])
        placement = np.zeros((len(CHANNELS), self.dims.d_model), np.float32)
        placement[np.arange(len(CHANNELS)), np.arange(len(CHANNELS))] = 1.0
        return g.op("MatMul", [frames, g.weight("oracle.encoder.channel_placement", placement)])

    # ---- cache plumbing --------------------------------------------------------------------------------------------

    def _to_heads(self, g, x):
        """[B, T, d] -> [B, heads, T, head_dim]."""
        return g.transpose(g.reshape(x, [0, 0, self.dims.heads, self.dims.head_dim]), [0, 2, 1, 3])

    def _cross_projection(self, g, states, layer, kind):
        """A cache tensor that carries one encoder channel at head 0, dim 0."""
        weight = np.zeros((self.dims.d_model, self.dims.d_model), np.float32)
        weight[CHANNELS.index(CROSS_CACHE[(layer, kind)]), 0] = 1.0
        name = g.weight(f"oracle.decoder.layers.{layer}.encoder_attn.{kind[0]}_proj.weight", weight)
        return self._to_heads(g, g.op("MatMul", [states, name]))

    def _token_flag_cache(self, g, flag, past):
        """Stores a per-token flag [B, S] at head 0, dim 0 of a self-attention cache tensor, after `past`."""
        row = np.zeros((1, self.dims.d_model), np.float32)
        row[0, 0] = 1.0
        placed = g.op("MatMul", [g.unsqueeze(flag, [2]), g.weight("oracle.decoder.flag_placement", row)])
        new = self._to_heads(g, placed)
        return g.op("Concat", [past, new], axis=2) if past is not None else new

    @staticmethod
    def _channel(g, cache):
        """[B, heads, T, head_dim] -> [B, T] (head 0, dim 0)."""
        head = g.op("Gather", [cache, g.const(0, INT64)], axis=1)
        return g.op("Gather", [head, g.const(0, INT64)], axis=2)

    def _running_count(self, g, cache, seq_len):
        """For each new token: how many flags are set in the cache up to and including it, [B, S]."""
        cumulative = g.op("CumSum", [self._channel(g, cache), g.const(1, INT64)])
        return g.slice(cumulative, g.op("Neg", [seq_len]), [np.iinfo(np.int64).max], [1])

    # ---- decoder ---------------------------------------------------------------------------------------------------

    def _history(self, g, input_ids, past):
        """Self-attention caches and the running counts (a, t, notimestamps) at every new position."""
        seq_len = g.dim1(input_ids, 1)
        ids = self.ids

        def flag(op, token):
            return g.cast(g.op(op, [input_ids, g.const(token, INT64)]), FLOAT)

        k0 = self._token_flag_cache(g, flag("Equal", ids["sot"]), past[0][0] if past else None)
        after_sot = g.cast(g.op("Greater", [self._running_count(g, k0, seq_len), g.const(0.0)]), FLOAT)
        flags = [flag("Less", ids["eot"]), flag("GreaterOrEqual", ids["timestamp_begin"]),
                 flag("Equal", ids["notimestamps"])]
        slots = [(0, 1), (1, 0), (1, 1)]  # (layer, key=0/value=1) holding text, timestamp, notimestamps flags
        caches = {(0, 0): k0}
        for f, (layer, kv) in zip(flags, slots):
            past_cache = past[layer][kv] if past else None
            caches[(layer, kv)] = self._token_flag_cache(g, g.op("Mul", [f, after_sot]), past_cache)
        counts = [self._running_count(g, caches[s], seq_len) for s in slots]
        presents = [(caches[(layer, 0)], caches[(layer, 1)]) for layer in range(self.dims.decoder_layers)]
        return presents, counts

    def _audio_plan(self, g, encoder_states, past):
        """Rows [B, 1500] of rank, word, voiced, slot from the cross caches (computed or given), + cross caches."""
        if past is None:
            cross = [(self._cross_projection(g, encoder_states, layer, "key"),
                      self._cross_projection(g, encoder_states, layer, "value"))
                     for layer in range(self.dims.decoder_layers)]
        else:
            cross = [(layer_past[2], layer_past[3]) for layer_past in past]
        plan = {CROSS_CACHE[(layer, kind)]: self._channel(g, cross[layer][i])
                for layer in range(self.dims.decoder_layers) for i, kind in enumerate(("key", "value"))}
        return plan, cross

    @staticmethod
    def _lookup(g, plan, segment, channel):
        """For each position, `channel` of the voiced slot whose rank equals `segment` [B, S]; -1 if none."""
        match = g.op("Equal", [g.unsqueeze(plan["rank"], [1]), g.unsqueeze(segment, [2])])
        values = g.where(match, g.unsqueeze(plan[channel], [1]), g.const(-1.0))
        return g.op("ReduceMax", [values], axes=[2], keepdims=0)

    def _word_token(self, g, word_index):
        index = g.cast(g.op("Max", [word_index, g.const(0.0)]), INT64)
        return g.op("Gather", [g.const(self.word_token_ids, INT64), index], axis=0)

    def _timestamp(self, g, slot, offset_slots, clamp):
        """<|t|> for the start (offset 0) or end (offset 1) of a slot; `clamp` (bool [B,S]) caps it at 1.00 s."""
        steps = g.op("Mul", [g.op("Add", [slot, g.const(float(offset_slots))]),
                             g.const(float(TIMESTAMP_STEPS_PER_SLOT))])
        if clamp is not None:
            steps = g.where(clamp, g.op("Min", [steps, g.const(float(MAX_INITIAL_TIMESTAMP_INDEX))]), steps)
        return g.op("Add", [g.cast(steps, INT64), g.const(self.ids["timestamp_begin"], INT64)])

    @staticmethod
    def _looping(g, plan, text):
        """True once the loop word has been emitted: more text tokens than the rank of its first voiced slot."""
        is_loop = g.op("Equal", [plan["word"], g.const(float(WORDS.index(LOOP_WORD)))])
        loop_rank = g.op("ReduceMin", [g.where(is_loop, plan["rank"], g.const(1e6))], axes=[1], keepdims=1)
        return g.op("Greater", [text, loop_rank])

    def _next_token(self, g, input_ids, plan, counts):
        text, stamps, no_stamps = counts
        eot = g.const(self.ids["eot"], INT64)
        voiced_slots = g.op("Div", [g.op("ReduceSum", [plan["voiced"], g.const([1], INT64)], keepdims=1),
                                    g.const(float(ENCODER_FRAMES_PER_SLOT))])
        previous = g.op("Sub", [text, g.const(1.0)])
        has_current = g.op("Less", [text, voiced_slots])
        has_previous = g.op("And", [g.op("Greater", [text, g.const(0.0)]),
                                    g.op("LessOrEqual", [text, voiced_slots])])
        word_now = self._word_token(g, self._lookup(g, plan, text, "word"))
        first = g.op("Equal", [text, g.const(0.0)])
        start = self._timestamp(g, self._lookup(g, plan, text, "slot"), 0, first)
        end = self._timestamp(g, self._lookup(g, plan, previous, "slot"), 1, None)
        phase = g.op("Sub", [stamps, g.op("Mul", [text, g.const(2.0)])])

        def phase_is(value):
            return g.op("Equal", [phase, g.const(float(value))])

        with_stamps = g.where(phase_is(0), g.where(has_current, start, eot),
                              g.where(phase_is(1), g.where(has_current, word_now, eot),
                                      g.where(phase_is(-1), g.where(has_previous, end, eot), eot)))
        without_stamps = g.where(has_current, word_now, eot)
        choice = g.where(g.op("Equal", [no_stamps, g.const(0.0)]), with_stamps, without_stamps)
        choice = g.where(self._looping(g, plan, text), g.const(self.word_token_ids[WORDS.index(LOOP_WORD)], INT64),
                         choice)
        at_sot = g.op("Equal", [input_ids, g.const(self.ids["sot"], INT64)])
        silent = g.op("Equal", [voiced_slots, g.const(0.0)])
        after_sot = g.where(silent, g.const(self.ids["nospeech"], INT64), g.const(self.language_token_id, INT64))
        return g.where(at_sot, after_sot, choice)

    def decoder(self, g, input_ids, encoder_states, past):
        plan, cross = self._audio_plan(g, encoder_states, past)
        self_caches, counts = self._history(g, input_ids, past)
        next_token = self._next_token(g, input_ids, plan, counts)
        logits = g.op("OneHot", [next_token, g.const([self.dims.vocab_size], INT64), g.const([0.0, LOGIT])],
                      axis=-1)
        presents = [(dk, dv, None if past else ek, None if past else ev)
                    for (dk, dv), (ek, ev) in zip(self_caches, cross)]
        return logits, presents


def oracle_json(tok, ids):
    """The fixture's contract for tests: slot layout, words, tones, token ids and the expected-stream rule."""
    return {
        "description": "Oracle Whisper fixture: each 1 s slot of a 30 s window is silent or carries a sine tone "
                       "whose frequency selects a word; the decoder emits the words of the voiced slots in order.",
        "sample_rate": SAMPLE_RATE,
        "window_seconds": SLOTS * SLOT_SECONDS,
        "slot_seconds": SLOT_SECONDS,
        "slots": SLOTS,
        "timestamp_seconds": 0.02,
        "timestamp_steps_per_slot": TIMESTAMP_STEPS_PER_SLOT,
        "max_initial_timestamp_index": MAX_INITIAL_TIMESTAMP_INDEX,
        "n_mels": N_MELS,
        "analysis_mel_frames": list(ANALYSIS_FRAMES),
        "voiced_threshold": THRESHOLD,
        "logit": LOGIT,
        "amplitude": {"min_peak": 0.01, "max_peak": 1.0, "max_spread_db": 40, "min_snr_db_white_noise": 10,
                      "fade_seconds": 0.01},
        "words": [{"index": i, "text": w, "frequency_hz": f, "mel_bin": b,
                   "token_ids": tok.encode_word(" " + w), "loops": w == LOOP_WORD}
                  for i, (w, f, b) in enumerate(zip(WORDS, FREQUENCIES, MEL_BINS))],
        "special_token_ids": dict(ids, en=tok.id_of("<|en|>")),
        "language_token": "<|en|>",
        "prompt": {"timestamps": ["<|startoftranscript|>", "<|en|>", "<|transcribe|>"],
                   "no_timestamps": ["<|startoftranscript|>", "<|en|>", "<|transcribe|>", "<|notimestamps|>"]},
        "expected_stream": {
            "no_timestamps": "for each voiced slot in time order: the word's token ids; then <|endoftext|>",
            "timestamps": "for each voiced slot s in time order: <|start|> word <|end|> with start = "
                          "timestamp_begin + 50*s (the first segment's start capped at 50, i.e. <|1.00|>) and "
                          "end = timestamp_begin + 50*(s+1); then <|endoftext|>",
            "loop_word": "after the loop word has been emitted it is emitted at every further step "
                         "(no end timestamp, no <|endoftext|>)",
            "silence": "no voiced slot: at the <|startoftranscript|> position <|nospeech|> gets the logit "
                       "(no-speech probability > 0.99) and the first generated token is <|endoftext|>; if logit "
                       "rules force another first token, the next one is <|endoftext|>",
            "sot_position": "with speech, the token predicted at <|startoftranscript|> is <|en|>",
        },
    }
