"""Node-by-node ONNX graph building (opset 17, IR version 8) for the Whisper fixtures.

A `GraphBuilder` appends nodes to one graph body; constants and weights go to an `Initializers` table that a main
graph shares with its `If` branches, so the merged decoder holds every weight once (as Optimum's merge does).
All names made here are deterministic, so the same command writes byte-identical files.
"""

import zlib

import numpy as np
from onnx import TensorProto, helper, numpy_helper

OPSET = 17
IR_VERSION = 8
PRODUCER = "callscribe whisper_fixtures.py"

FLOAT = TensorProto.FLOAT
INT64 = TensorProto.INT64
BOOL = TensorProto.BOOL

_NUMPY_TYPES = {FLOAT: np.float32, INT64: np.int64, BOOL: np.bool_}


class Initializers:
    """Named constant arrays of one model, deduplicated by name, in insertion order.

    They stay numpy arrays until `move_into` converts them one by one into a graph, so a model's weights are held
    about once in memory (a 2.5 GB encoder needs ~3 GB, not three copies).
    """

    def __init__(self):
        self.tensors = {}

    def add(self, name, array):
        """Registers `array` under `name` (first registration wins) and returns the name."""
        if name not in self.tensors:
            self.tensors[name] = np.array(array, order="C")  # np.ascontiguousarray would turn scalars into [1]
        return name

    def move_into(self, graph):
        """Appends every array to `graph.initializer` as a TensorProto, releasing each array as it goes."""
        for name in list(self.tensors):
            graph.initializer.append(numpy_helper.from_array(self.tensors.pop(name), name))


class GraphBuilder:
    """Appends nodes to one graph body. Value names get `prefix`, so branch bodies never clash."""

    def __init__(self, prefix, initializers):
        self.prefix = prefix
        self.inits = initializers
        self.nodes = []
        self._count = 0

    def _fresh(self, hint):
        self._count += 1
        return f"{self.prefix}{hint}_{self._count}"

    def op(self, op_type, inputs, outputs=1, out=None, **attrs):
        """Adds one node; returns its output name (or the list of names when outputs > 1)."""
        if out is not None:
            names = [out] if isinstance(out, str) else list(out)
        else:
            names = [self._fresh(op_type) for _ in range(outputs)]
        self.nodes.append(helper.make_node(op_type, list(inputs), names, name=self._fresh("n_" + op_type), **attrs))
        return names[0] if len(names) == 1 else names

    def const(self, value, dtype=FLOAT):
        """A small constant tensor, stored once per distinct content in the shared initializers."""
        array = np.asarray(value, dtype=_NUMPY_TYPES[dtype])
        key = zlib.crc32(array.tobytes() + str(array.shape).encode())
        shape = "x".join(str(d) for d in array.shape) or "scalar"
        return self.inits.add(f"const_{array.dtype.name}_{shape}_{key:08x}", array)

    def weight(self, name, array):
        """A named weight tensor (Hugging Face style name), shared by every graph body of the model."""
        return self.inits.add(name, array.astype(np.float32, copy=False))

    # ---- shape helpers -------------------------------------------------------------------------------------------

    def dim(self, x, axis):
        """Scalar int64 holding dimension `axis` of `x`."""
        return self.op("Gather", [self.op("Shape", [x]), self.const(axis, INT64)], axis=0)

    def dim1(self, x, axis):
        """One-element int64 vector holding dimension `axis` of `x`."""
        return self.op("Shape", [x], start=axis, end=axis + 1)

    def unsqueeze(self, x, axes):
        return self.op("Unsqueeze", [x, self.const(list(axes), INT64)])

    def reshape(self, x, shape):
        return self.op("Reshape", [x, self.const(list(shape), INT64)])

    def transpose(self, x, perm):
        return self.op("Transpose", [x], perm=list(perm))

    def slice(self, x, starts, ends, axes):
        """Slice with int64 vector inputs (names) or python lists."""
        def as_input(v):
            return v if isinstance(v, str) else self.const(list(v), INT64)
        return self.op("Slice", [x, as_input(starts), as_input(ends), as_input(axes)])

    def cast(self, x, dtype):
        return self.op("Cast", [x], to=dtype)

    def where(self, condition, yes, no):
        return self.op("Where", [condition, yes, no])

    # ---- neural-network helpers ----------------------------------------------------------------------------------

    def linear(self, x, weight, bias=None):
        """x @ weight (+ bias); weights are stored [in, out] so no transpose is needed."""
        y = self.op("MatMul", [x, weight])
        return self.op("Add", [y, bias]) if bias is not None else y

    def layer_norm(self, x, scale, bias):
        return self.op("LayerNormalization", [x, scale, bias], axis=-1, epsilon=1e-5)

    def gelu(self, x):
        """Exact GELU, 0.5 x (1 + erf(x / sqrt 2)); the GELU operator only exists from opset 20."""
        erf = self.op("Erf", [self.op("Div", [x, self.const(np.sqrt(2.0))])])
        return self.op("Mul", [self.op("Mul", [x, self.const(0.5)]), self.op("Add", [erf, self.const(1.0)])])


def value_info(name, dtype, shape):
    """A graph input or output declaration; strings in `shape` are named dynamic axes."""
    return helper.make_tensor_value_info(name, dtype, shape)


def make_model(graph_builder, name, inputs, outputs, doc):
    """Wraps a top-level builder into a ModelProto with the fixture's opset, IR version and initializers."""
    graph = helper.make_graph(graph_builder.nodes, name, inputs, outputs)
    model = helper.make_model(graph, producer_name=PRODUCER, opset_imports=[helper.make_opsetid("", OPSET)])
    graph_builder.inits.move_into(model.graph)
    model.ir_version = IR_VERSION
    model.doc_string = doc
    return model


def make_branch(graph_builder, name, outputs):
    """A subgraph for an If node: no inputs, no own initializers (it reads the outer scope)."""
    return helper.make_graph(graph_builder.nodes, name, [], outputs)
