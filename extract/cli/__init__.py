"""The `claims` command: thin wrappers over the library, one module per command.

- ``articles`` (:mod:`extract.cli.articles`): the articles the ingest stage finds;
- ``extract`` (:mod:`extract.cli.extract_cmd`): the fact table, or whether it is fresh;
- ``check`` (:mod:`extract.cli.check`), ``review`` (:mod:`extract.cli.review`),
  ``report`` (:mod:`extract.cli.report`): consistency, verdicts and reports;
- ``run`` (:mod:`extract.cli.run`): all of the above in one go;
- ``facts``, ``stories`` and ``query`` (:mod:`extract.cli.facts`): read the fact store.

Options and output helpers the commands share are in :mod:`extract.cli.shared`. This module holds the
`cli` group, which registers every command, and `main`, the console script's entry point.

Exit status: 0 on success, 2 on a usage or input error, or a fault of the machine (a full disk, a read-only
folder, a damaged or busy store): one line on stderr naming the file and the problem, never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from extract import __version__
from extract.errors import ClaimsError

__all__ = ["cli", "main"]


# Each command's module, imported only when the command runs or help lists it: the pipeline behind them loads
# lexicons, pint and pandas, which `claims --version` never needs.
COMMANDS: dict[str, tuple[str, str]] = {
    "articles": ("extract.cli.articles", "articles_command"),
    "extract": ("extract.cli.extract_cmd", "extract_command"),
    "check": ("extract.cli.check", "check_command"),
    "review": ("extract.cli.review", "review_command"),
    "report": ("extract.cli.report", "report_command"),
    "run": ("extract.cli.run", "run_command"),
    "query": ("extract.cli.facts", "query_command"),
    "facts": ("extract.cli.facts", "facts_command"),
    "stories": ("extract.cli.facts", "stories_command"),
}


class ClaimsGroup(click.Group):
    """A group whose errors are one line: `claims: error: ...`, exit status 2; its commands load lazily."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        from importlib import import_module

        module, attribute = COMMANDS[cmd_name]
        command: click.Command = getattr(import_module(module), attribute)
        return command

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # Click's standalone mode prints usage errors over several lines; errors are handled here instead.
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.exceptions.Abort:
            click.echo("claims: aborted", err=True)
            sys.exit(130)
        except click.ClickException as error:
            where = f"{error.ctx.command_path}: " if getattr(error, "ctx", None) else ""  # type: ignore[attr-defined]
            click.echo(f"claims: error: {where}{error.format_message()}", err=True)
            sys.exit(2)
        except ClaimsError as error:
            click.echo(f"claims: error: {error}", err=True)
            sys.exit(2)
        except BrokenPipeError:  # `claims facts | head`: the reader has all it wanted
            sys.exit(0)
        except OSError as error:  # a fault of the system that no stage foresaw: still one line, naming the file
            where = f"{error.filename}: " if error.filename else ""
            click.echo(f"claims: error: {where}{error.strerror or error}", err=True)
            sys.exit(2)


@click.group(cls=ClaimsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="claims", message="%(prog)s %(version)s")
def cli() -> None:
    """Pull numeric claims out of news text into a sourced fact table, and check them against each other.

    \b
    Example:
      claims articles seeds/
    """


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the `claims` console script and of `python -m extract`."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="claims")
