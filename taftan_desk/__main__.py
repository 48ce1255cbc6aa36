import sys

from taftan_desk.cli import main

sys.exit(main())
