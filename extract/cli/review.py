"""`claims review`: record reviewers' verdicts on flagged discrepancies, in the terminal or from options."""

from __future__ import annotations

import getpass
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import click

from extract.cli.shared import console, data_option, plural, rates_option, reports_option
from extract.consistency import Discrepancy, load_options
from extract.errors import UsageError
from extract.review.terminal import walk
from extract.review.verdicts import VERDICTS
from extract.run.workflow import Outcome, check_store

__all__ = ["review_command"]


@click.command(name="review")
@data_option
@reports_option
@click.option("--fingerprint", "fingerprints", multiple=True, help="Review this discrepancy (a prefix will do).")
@click.option("--all-unreviewed", is_flag=True, help="Review every discrepancy without a verdict.")
@click.option("--verdict", type=click.Choice(list(VERDICTS)), help="Record this verdict without asking.")
@click.option("--note", default="", help="A note to keep with the verdict.")
@click.option("--reviewer", help="Who decides (default: $CLAIMS_REVIEWER, git user.name, or the login name).")
@click.option("--replace", is_flag=True, help="Replace an existing decision of a selected discrepancy.")
@click.option("--prune-stale", is_flag=True, help="Remove decisions whose discrepancy no longer exists.")
@rates_option
def review_command(
    data_dir: Path,
    reports_dir: Path,
    fingerprints: tuple[str, ...],
    all_unreviewed: bool,
    verdict: str | None,
    note: str,
    reviewer: str | None,
    replace: bool,
    prune_stale: bool,
    rates: Path | None,
) -> None:
    """Record a verdict on each flagged discrepancy, in REPORTS/reviews.toml.

    Without --verdict, walks the unreviewed flags in the terminal, their quotes side by side. With --verdict,
    records it for the discrepancies chosen by --fingerprint or --all-unreviewed, without asking.

    \b
    Examples:
      claims review
      claims review --fingerprint e5d8842c --verdict confirmed-error --note "the article contradicts itself"
      claims review --all-unreviewed --verdict false-alarm --reviewer ci-bot
      claims review --prune-stale
    """
    outcome = check_store(data_dir, reports_dir, load_options(Path.cwd(), rates))
    reviews = outcome.reviews
    who = reviewer or default_reviewer()
    today = date.today()
    if prune_stale:
        removed = reviews.prune_stale(outcome.discrepancies)
        reviews.save()
        click.echo(f"claims: removed {plural(len(removed), 'stale decision')}", err=True)
        if not (verdict or fingerprints or all_unreviewed):
            return
    selected = select_discrepancies(outcome, fingerprints, all_unreviewed, replace)
    if verdict is None:
        pending = selected if fingerprints or all_unreviewed else outcome.unreviewed
        if not pending:
            click.echo("claims: nothing to review", err=True)
            return
        if not sys.stdin.isatty():
            raise UsageError("no terminal to ask in: give --verdict with --fingerprint or --all-unreviewed")
        decided, skipped = walk(
            console(), pending, reviews, lambda prompt, default: str(click.prompt(prompt, default=default)),
            who, today,
        )
        click.echo(f"claims: {decided} decided, {skipped} skipped; saved to {reviews.path}", err=True)
        return
    if not selected:
        raise UsageError("choose what to review: --fingerprint FP or --all-unreviewed")
    for discrepancy in selected:
        reviews.record(discrepancy, verdict, note=note, reviewer=who, on=today, replace=replace)
    reviews.save()
    click.echo(f"claims: recorded {verdict} for {plural(len(selected), 'discrepancy')} in {reviews.path}", err=True)


def select_discrepancies(
    outcome: Outcome, fingerprints: tuple[str, ...], all_unreviewed: bool, replace: bool
) -> list[Discrepancy]:
    """The discrepancies the options choose, each once; a usage error for an unknown or ambiguous prefix."""
    chosen: list[Discrepancy] = list(outcome.unreviewed) if all_unreviewed else []
    for prefix in fingerprints:
        matches = [d for d in outcome.discrepancies if d.fingerprint.startswith(prefix)]
        if not matches:
            raise UsageError(f"no discrepancy has the fingerprint {prefix!r} (see `claims check`)")
        if len(matches) > 1:
            raise UsageError(f"the fingerprint prefix {prefix!r} is ambiguous: give more of it")
        if matches[0].fingerprint in outcome.decisions and not replace:
            raise UsageError(f"{matches[0].fingerprint} already has a decision; use --replace to change it")
        if matches[0] not in chosen:
            chosen.append(matches[0])
    return chosen


def default_reviewer() -> str:
    """Who decides when --reviewer is not given: $CLAIMS_REVIEWER, else git's user.name, else the login name."""
    named = os.environ.get("CLAIMS_REVIEWER")
    if named:
        return named
    try:
        done = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, check=False)
        if done.returncode == 0 and done.stdout.strip():
            return done.stdout.strip()
    except OSError:  # no git on this machine
        pass
    return getpass.getuser()
