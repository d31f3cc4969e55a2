"""A tiny byte-level BPE tokenizer laid out like Whisper's, written as Hugging Face tokenizer files.

Vocabulary order (as in Whisper): the 256 GPT-2 byte symbols (so " " is id 220 as in the real vocabularies), merge
tokens that build a fixed list of English words with a leading space ("Ġhello"), optional filler tokens (to reach a
requested vocab_size), then the added tokens: <|endoftext|>, <|startoftranscript|>, the language tokens, <|translate|>,
<|transcribe|>, <|startoflm|>, <|startofprev|>, <|nospeech|>, <|notimestamps|> (all special), then the 1501
timestamp tokens <|0.00|> ... <|30.00|> as non-special normalized added tokens, as transformers' converter writes them.
"""

import json
from dataclasses import dataclass

# Whisper's language order (openai/whisper tokenizer.py LANGUAGES); "yue" is the 100th, added by large-v3.
WHISPER_LANGUAGES = (
    "en zh de es ru ko fr ja pt tr pl ca nl ar sv it id hi fi vi he uk el ms cs ro da hu ta no th ur hr bg lt la mi "
    "ml cy sk te fa lv bn sr az sl kn et mk br eu is hy ne mn bs kk sq sw gl mr pa si km sn yo so af oc ka be tg sd "
    "gu am yi lo uz fo ht ps tk nn mt sa lb my bo tl mg as tt haw ln ha ba jw su yue").split()

# The oracle's words come first (their ids are stable); the rest give prompts and random models more to say.
WORDS = (
    "hello world account payment refund thanks order number please agent again "
    "the a to and of you i is it that for on can my your we this be have with what call help "
    "yes no okay sorry card bank check today time name phone email address transfer balance "
    "problem service customer support minute wait hold").split()

# Pieces Whisper's non_speech_tokens looks up: " -" and " '" are single tokens in the real vocabularies, and " ♪"
# gives the other music symbols a shared " \xe2\x99" prefix token, so the suppress list never holds the bare space.
EXTRA_PIECES = ("-", "'", "\u266a")

CONTROL_TOKENS = ("<|translate|>", "<|transcribe|>", "<|startoflm|>", "<|startofprev|>", "<|nospeech|>",
                  "<|notimestamps|>")
TIMESTAMP_COUNT = 1501  # <|0.00|> .. <|30.00|> in steps of 0.02 s


def bytes_to_unicode():
    """GPT-2's reversible byte -> printable character table, in GPT-2's id order."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + \
        list(range(ord("®"), ord("ÿ") + 1))
    codes = printable[:]
    extra = 0
    for b in range(256):
        if b not in printable:
            printable.append(b)
            codes.append(256 + extra)
            extra += 1
    return [(b, chr(c)) for b, c in zip(printable, codes)]


BYTE_ORDER = bytes_to_unicode()
BYTE_TO_CHAR = dict(BYTE_ORDER)


def to_symbols(text):
    return [BYTE_TO_CHAR[b] for b in text.encode("utf-8")]


@dataclass(frozen=True)
class Tokenizer:
    """The vocabulary and merges, plus the ids of every added token."""
    vocab: dict          # BPE token -> id (byte symbols, merges, fillers)
    merges: list         # "left right" strings in rank order
    added: list          # (content, id, special) in id order
    languages: tuple     # language codes that have a <|xx|> token

    @property
    def size(self):
        return len(self.vocab) + len(self.added)

    def id_of(self, content):
        for text, token_id, _ in self.added:
            if text == content:
                return token_id
        return self.vocab[content]

    @property
    def eot(self):
        return self.id_of("<|endoftext|>")

    @property
    def timestamp_begin(self):
        return self.id_of("<|0.00|>")

    def encode_word(self, text):
        """BPE-encodes one pre-token (e.g. " hello"); enough for words and symbols, no regex split."""
        parts = to_symbols(text)
        ranks = {tuple(m.split(" ")): i for i, m in enumerate(self.merges)}
        while len(parts) > 1:
            pairs = [(ranks.get((parts[i], parts[i + 1]), None), i) for i in range(len(parts) - 1)]
            pairs = [p for p in pairs if p[0] is not None]
            if not pairs:
                break
            _, i = min(pairs)
            parts = parts[:i] + [parts[i] + parts[i + 1]] + parts[i + 2:]
        return [self.vocab[p] for p in parts]


def build(languages, vocab_size=None):
    """Builds the tokenizer; `vocab_size` pads the BPE part with filler tokens so the total matches."""
    vocab = {char: i for i, (_, char) in enumerate(BYTE_ORDER)}
    merges = []
    for word in [" " + w for w in WORDS] + [" " + p for p in EXTRA_PIECES]:
        symbols = to_symbols(word)
        current = symbols[0]
        for symbol in symbols[1:]:
            merged = current + symbol
            if merged not in vocab:
                vocab[merged] = len(vocab)
                merges.append(f"{current} {symbol}")
            current = merged
    specials = ["<|endoftext|>", "<|startoftranscript|>"] + [f"<|{code}|>" for code in languages] + \
        list(CONTROL_TOKENS)
    natural = len(vocab) + len(specials) + TIMESTAMP_COUNT
    if vocab_size is not None:
        if vocab_size < natural:
            raise ValueError(f"vocab_size {vocab_size} is below the natural size {natural} of this tokenizer")
        for i in range(vocab_size - natural):
            vocab[BYTE_TO_CHAR[ord(" ")] + f"filler{i}"] = len(vocab)
    added = [(text, len(vocab) + i, True) for i, text in enumerate(specials)]
    first_timestamp = len(vocab) + len(specials)
    added += [(f"<|{i * 0.02:.2f}|>", first_timestamp + i, False) for i in range(TIMESTAMP_COUNT)]
    return Tokenizer(vocab, merges, added, tuple(languages))


def non_speech_tokens(tok):
    """Whisper's `Tokenizer.non_speech_tokens` rule applied to this vocabulary."""
    symbols = list("\"#()*+/:;<=>@[\\]^_`{|}~「」『』")
    symbols += "<< >> <<< >>> -- --- -( -[ (' (\" (( )) ((( ))) [[ ]] {{ }} ♪♪ ♪♪♪".split()
    miscellaneous = "♩♪♫♬♭♮♯"
    result = {tok.encode_word(" -")[0], tok.encode_word(" '")[0]}
    for symbol in symbols + list(miscellaneous):
        for tokens in (tok.encode_word(symbol), tok.encode_word(" " + symbol)):
            if len(tokens) == 1 or symbol in miscellaneous:
                result.add(tokens[0])
    return sorted(result)


def _added_token_json(content, token_id, special):
    return {"id": token_id, "content": content, "single_word": False, "lstrip": False, "rstrip": False,
            "normalized": not special, "special": special}


def tokenizer_json(tok):
    byte_level = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [_added_token_json(c, i, s) for c, i, s in tok.added],
        "normalizer": None,
        "pre_tokenizer": byte_level,
        "post_processor": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": False, "use_regex": True},
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
                  "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False,
                  "vocab": tok.vocab, "merges": tok.merges},
    }


def write_files(tok, write_json, write_text):
    """Writes tokenizer.json and the slow-tokenizer companions that transformers saves beside it."""
    write_json("tokenizer.json", tokenizer_json(tok), compact=True)
    write_json("vocab.json", tok.vocab, compact=True)
    write_text("merges.txt", "#version: 0.2\n" + "".join(m + "\n" for m in tok.merges))
    write_json("added_tokens.json", {c: i for c, i, _ in tok.added}, compact=True)
    specials = [c for c, _, s in tok.added if s]
    write_json("special_tokens_map.json", {
        "additional_special_tokens": specials[1:],
        "bos_token": "<|endoftext|>", "eos_token": "<|endoftext|>", "pad_token": "<|endoftext|>",
        "unk_token": "<|endoftext|>"})
    write_json("tokenizer_config.json", {
        "add_bos_token": False,
        "add_prefix_space": False,
        "added_tokens_decoder": {str(i): {k: v for k, v in _added_token_json(c, i, s).items() if k != "id"}
                                 for c, i, s in tok.added},
        "additional_special_tokens": specials[1:],
        "bos_token": "<|endoftext|>",
        "clean_up_tokenization_spaces": False,
        "eos_token": "<|endoftext|>",
        "errors": "replace",
        "extra_special_tokens": {},
        "model_max_length": 1024,
        "pad_token": "<|endoftext|>",
        "processor_class": "WhisperProcessor",
        "return_attention_mask": False,
        "tokenizer_class": "WhisperTokenizer",
        "unk_token": "<|endoftext|>",
    }, compact=True)


def dumps(obj, compact=False):
    """Pretty JSON for small files; one line for the token tables, which would otherwise dominate fixture size."""
    if compact:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"
