"""``python -m dsfr_accordion``: the command line (see :mod:`dsfr_accordion.cli`)."""

from .cli import main

raise SystemExit(main())
