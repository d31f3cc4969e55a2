"""Building blocks of whisper_fixtures.py: ONNX graph helpers, the tokenizer, configs, the Optimum layout, and the
random-weight and oracle architectures."""
