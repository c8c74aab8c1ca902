"""An export worker process: ``python -m curation.export.worker FD ENCODING``.

Started by :class:`curation.export.parallel.Workers`, which talks to it over the socket
``FD``; the code it runs is :func:`curation.export.parallel.serve`.
"""

from __future__ import annotations

import sys

from curation.export.parallel import serve

if __name__ == "__main__":
    serve(int(sys.argv[1]), sys.argv[2])
