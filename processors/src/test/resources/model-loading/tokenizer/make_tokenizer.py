"""Writes the small byte-level BPE tokenizer.json files used by the tokenizer and model-loading tests.

GPT-2's 256 byte symbols in GPT-2's id order (so " " is 220, as in Whisper), a few merge rules (whole words such as
"Hello" and " world", "café", and the first two bytes of "日" so that character spans two tokens), <|endoftext|>, the
Whisper control tokens, four language tokens and only the first six timestamps. Run from this folder:
    /usr/bin/python3 make_tokenizer.py .
then copy tokenizer.json into ../distil-small.en and ../optimum-multilingual.
"""
import json, sys, copy

def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b); cs.append(256 + n); n += 1
    return bs, [chr(c) for c in cs]

bs, cs = bytes_to_unicode()
byte_char = dict(zip(bs, cs))
vocab = {c: i for i, c in enumerate(cs)}   # GPT-2 order: " " is 220
def bl(text):
    return "".join(byte_char[b] for b in text.encode("utf-8"))

ri = bl("日")  # 3 bytes; merge the first two so the character spans two tokens
merges = [("Ġ", "t"), ("h", "e"), ("Ġt", "he"), ("i", "n"), ("Ġ", "w"), ("o", "r"), ("l", "d"), ("Ġw", "or"),
          ("Ġwor", "ld"), ("e", "l"), ("l", "o"), ("H", "el"), ("Hel", "lo"), (bl("é")[0], bl("é")[1]),
          ("c", "a"), ("ca", "f"), ("caf", bl("é")), (ri[0], ri[1]), ("'", "s")]
for a, b in merges:
    vocab.setdefault(a + b, len(vocab))
vocab["<|endoftext|>"] = len(vocab)  # as in GPT-2, the end token is also a vocabulary entry

def added(i, content, special):
    return {"id": i, "content": content, "single_word": False, "lstrip": False, "rstrip": False,
            "normalized": not special, "special": special}

specials = ["<|endoftext|>", "<|startoftranscript|>", "<|en|>", "<|de|>", "<|ja|>", "<|haw|>", "<|translate|>",
            "<|transcribe|>", "<|startoflm|>", "<|startofprev|>", "<|nospeech|>", "<|notimestamps|>"]
added_tokens = [added(vocab["<|endoftext|>"], "<|endoftext|>", True)]
next_id = len(vocab)
for s in specials[1:]:
    added_tokens.append(added(next_id, s, True)); next_id += 1
# Only the first six timestamps are listed: ids past them must still be read as timestamps.
for k in range(6):
    added_tokens.append(added(next_id, "<|%.2f|>" % (k * 0.02), False)); next_id += 1

def tokenizer(merge_form):
    ms = [a + " " + b for a, b in merges] if merge_form == "string" else [[a, b] for a, b in merges]
    model = {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
             "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False, "vocab": vocab, "merges": ms}
    if merge_form == "array":
        model["ignore_merges"] = False
    return {"version": "1.0", "truncation": None, "padding": None, "added_tokens": added_tokens,
            "normalizer": None,
            "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
            "post_processor": {"type": "TemplateProcessing",
                               "single": [{"SpecialToken": {"id": "<|startoftranscript|>", "type_id": 0}},
                                          {"SpecialToken": {"id": "<|notimestamps|>", "type_id": 0}},
                                          {"Sequence": {"id": "A", "type_id": 0}},
                                          {"SpecialToken": {"id": "<|endoftext|>", "type_id": 0}}],
                               "pair": [], "special_tokens": {}},
            "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
            "model": model}

out = sys.argv[1]
with open(out + "/tokenizer.json", "w", encoding="utf-8") as f:
    json.dump(tokenizer("string"), f, ensure_ascii=False, indent=1)
with open(out + "/tokenizer-array-merges.json", "w", encoding="utf-8") as f:
    json.dump(tokenizer("array"), f, ensure_ascii=False, indent=1)
print("vocab", len(vocab), "next id", next_id, "eot", vocab["<|endoftext|>"])
for t in added_tokens: print(t["id"], t["content"])
