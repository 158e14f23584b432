"""The `dixit` command line. Each command lives in its own module `dixit.cli.<name>` and
exports `command`; modules are imported only when their command runs, so `dixit --help`
stays fast and a command's heavy dependencies (DuckDB, Dask, FastAPI) load only when used.
"""

from __future__ import annotations

import importlib
import importlib.util

import click

from dixit import __version__

# command name -> module under dixit.cli; a module that does not exist yet is not listed.
COMMANDS = {
    "analyze": "analyze",
    "eval": "evaluate",
    "ingest": "ingest",
    "errors": "errors",
    "quotes": "quotes",
    "events": "events",
    "dyad": "dyad",
    "actors": "actors",
    "export": "export",
    "serve": "serve",
    "similar": "similar",
    "stories": "stories",
    "eval-provenance": "eval_provenance",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [n for n, mod in COMMANDS.items() if importlib.util.find_spec(f"dixit.cli.{mod}")]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS or not importlib.util.find_spec(f"dixit.cli.{COMMANDS[name]}"):
            return None
        return importlib.import_module(f"dixit.cli.{COMMANDS[name]}").command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dixit")
def main() -> None:
    """dixit reads news articles and tells, with evidence, who said what, who did what to
    whom, and according to whom.

    \b
    Start with:
      dixit analyze article.txt               a readable summary
      dixit analyze --format jsonl a.txt b.txt   one JSON object per file
      dixit eval ../shared/corpus/dev --lang fr  scores against gold annotations
    """
