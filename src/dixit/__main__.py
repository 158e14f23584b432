"""`python -m dixit ...` is the `dixit` command."""

from dixit.cli import main

main()
