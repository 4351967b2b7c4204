"""L2-regularised logistic regression with LIBLINEAR, in memory.

tools/train-detect.py and tools/fit-score.py fit their weights with it,
through LIBLINEAR's own Python binding (Debian's python3-liblinear, a
ctypes wrapper of liblinear.so). The rows are turned into LIBLINEAR's
sparse vectors once (Rows); each fit (Rows.fit) then points at the rows it
keeps, so that the 57 refits of tests/detect-accuracy.t neither write nor
parse a 30,000-line problem file each, as liblinear-train made them do.
"""
import ctypes
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
    """Labelled sparse rows: xs [{column (from 1): value}], ys [+1 or -1]."""

    def __init__(self, xs, ys, bias=True):
        # The binding adds the bias column to each row when bias >= 0.
        self.all = liblinear.problem([float(y) for y in ys], xs, bias=1 if bias else -1)
        self.columns = self.all.n - (1 if bias else 0)
        self.bias = bias

    def fit(self, keep, cost, other_weight=1.0, solver=0):
        """(weights by column from 1 as a list from index 0, bias) of the
        model fitted on the rows numbered in keep, for the class +1."""
        keep = list(keep)
        part = liblinear.problem.__new__(liblinear.problem)
        part.l, part.n, part.bias = len(keep), self.all.n, self.all.bias
        part.y = (ctypes.c_double * len(keep))(*[self.all.y[i] for i in keep])
        part.x = (ctypes.POINTER(liblinear.feature_node) * len(keep))(*[self.all.x[i] for i in keep])
        param = _parameter("-s %d -c %r -w-1 %r" % (solver, cost, other_weight))
        model = liblinear.toPyModel(liblinear.liblinear.train(part, param))
        # LIBLINEAR's weights are for its first label: turn them to favour +1.
        sign = 1.0 if model.get_labels()[0] == 1 else -1.0
        w = [sign * model.w[j] for j in range(self.all.n)]
        return (w[:self.columns], w[self.columns]) if self.bias else (w, 0.0)
