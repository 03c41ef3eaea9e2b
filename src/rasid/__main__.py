"""`python -m rasid …` runs the `rasid` command (useful where the script is not on PATH)."""
import sys

from rasid.cli import main

sys.exit(main())
