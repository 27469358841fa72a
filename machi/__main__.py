import sys

from machi.cli import main

sys.exit(main())
