import os
import sys

# `python -m chatlint` puts the current folder first on the module path: a checked project's own `inspect.py` or
# `tokenize.py` would then stand in for the standard library's in chatlint's own imports (and run). chatlint's
# modules are found through its package, already imported; the runtime check adds the folders it imports from.
if not getattr(sys.flags, "safe_path", False) and sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from chatlint.cli import main  # noqa: E402

main()
