"""L2-regularised logistic regression with LIBLINEAR, in memory.

tools/train-detect.py and tools/fit-score.py fit their weights with it,
through LIBLINEAR's own Python binding (Debian's python3-liblinear, a
ctypes wrapper of liblinear.so). The rows are laid out as LIBLINEAR's
sparse vectors once (Rows); each fit (Rows.fit) copies them, writes their
values (scaled by column if asked) and points at the rows it keeps, so
that the refits of tests/detect-accuracy.t neither write nor parse a
30,000-line problem file each, as liblinear-train made them do.
"""
import array
import ctypes
import operator
import sys
import threading

try:
    import liblinear
except ImportError:
    # python3 may be another interpreter than Debian's (pyenv, a venv): the
    # binding is pure Python over liblinear.so, so Debian's copy serves it.
    sys.path.append("/usr/lib/python3/dist-packages")
    try:
        import liblinear
    except ImportError:
        sys.exit("logreg: LIBLINEAR's Python binding is missing; run: apt-get install python3-liblinear")

# LIBLINEAR keeps one print function for the process, called during every
# fit, and the binding sets it to each new parameter's own: fits in threads
# then called one that was freed, and crashed. So each parameter is made
# under a lock and the function set back to one that lives as long as the
# module.
_quiet = liblinear.PRINT_STRING_FUN(liblinear.print_null)
_lock = threading.Lock()


def _parameter(options):
    with _lock:
        param = liblinear.parameter("-q " + options)
        liblinear.liblinear.set_print_string_function(_quiet)
    return param


class Rows:
    """Labelled sparse rows: xs [{column (from 1): value}], ys [+1 or -1].

    They are kept as one block of LIBLINEAR's feature nodes (an int index,
    then a double value: 16 bytes), each row ending with the bias node
    (with bias) and the end node (index -1). A fit copies the block and writes the values,
    scaled by column if asked: built by the binding a node at a time in
    Python for each refit, the rows took 6.5 s of a refit's 18.6 on
    80,000 texts (the fit itself 6.5)."""

    def __init__(self, xs, ys, bias=True):
        if ctypes.sizeof(liblinear.feature_node) != 16:
            sys.exit("logreg: LIBLINEAR's feature_node is %d bytes, not 16"
                     % ctypes.sizeof(liblinear.feature_node))
        self.columns = max((max(x) for x in xs if x), default=0)
        self.bias = bias
        self.n = self.columns + (1 if bias else 0)
        self.cols, self.values, self.starts = array.array("q"), array.array("d"), []
        ends = ([self.n, -1], [1.0, 0.0]) if bias else ([-1], [0.0])
        for x in xs:
            self.starts.append(len(self.cols))
            columns = sorted(x)
            self.cols.extend(columns)
            self.values.extend(map(float, map(x.__getitem__, columns)))
            self.cols.extend(ends[0])
            self.values.extend(ends[1])
        self.starts.append(len(self.cols))
        # The index half of each node, written once: on a little-endian
        # machine an int64 of the index is the int and its padding.
        if sys.byteorder != "little":
            sys.exit("logreg: the node block is laid out for little-endian machines")
        nodes = array.array("q", bytes(16 * len(self.cols)))
        nodes[0::2] = self.cols
        self.nodes = nodes.tobytes()
        self.ys = [float(y) for y in ys]

    def columns_of(self, i):
        """The columns of row i."""
        return self.cols[self.starts[i]:self.starts[i + 1] - (2 if self.bias else 1)]

    def fit(self, keep, cost, other_weight=1.0, solver=0, scale=None):
        """(weights by column from 1 as a list from index 0, bias) of the
        model fitted on the rows numbered in keep, for the class +1; with
        scale, a list by column (from 1, index 0 unused), each value
        multiplied by its column's scale, and the weights are those of the
        scaled values: a column's weight for its own values is its weight
        times its scale."""
        keep = list(keep)
        block = array.array("d")
        block.frombytes(self.nodes)
        if scale is None:
            block[1::2] = self.values
        else:
            # the bias column (n) and the end nodes (-1) read the last factor, 1
            factors = list(scale[:self.columns + 1]) + [1.0]
            block[1::2] = array.array("d", map(operator.mul, self.values,
                                                map(factors.__getitem__, self.cols)))
        base = ctypes.addressof(ctypes.c_char.from_buffer(block))
        starts = array.array("Q", (base + 16 * self.starts[i] for i in keep))
        part = liblinear.problem.__new__(liblinear.problem)
        part.l, part.n, part.bias = len(keep), self.n, 1.0 if self.bias else -1.0
        part.y = (ctypes.c_double * len(keep))(*[self.ys[i] for i in keep])
        part.x = (ctypes.POINTER(liblinear.feature_node) * len(keep)).from_buffer(starts)
        param = _parameter("-s %d -c %r -w-1 %r" % (solver, cost, other_weight))
        model = liblinear.toPyModel(liblinear.liblinear.train(part, param))
        # LIBLINEAR's weights are for its first label: turn them to favour +1.
        sign = 1.0 if model.get_labels()[0] == 1 else -1.0
        w = [sign * model.w[j] for j in range(self.n)]
        return (w[:self.columns], w[self.columns]) if self.bias else (w, 0.0)
