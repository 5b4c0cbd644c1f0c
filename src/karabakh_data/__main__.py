"""``python -m karabakh_data``."""

from karabakh_data.cli import main

raise SystemExit(main())
