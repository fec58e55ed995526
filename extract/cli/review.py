"""`claims review`: record reviewers' verdicts on flagged discrepancies, in the terminal or from options."""

from __future__ import annotations

import getpass
import os
import shlex
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click

from extract.cli.shared import (
    check_progress,
    console,
    data_option,
    display_text,
    plural,
    progress_bars,
    progress_option,
    rates_option,
    reports_option,
)
from extract.consistency import ALL_RULES, Discrepancy, load_options
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
@click.option("--rule", type=click.Choice(ALL_RULES), help="Review every flag of this rule.")
@click.option("--story", help="Review every flag about this story (an id from `claims stories`, or its start).")
@click.option(
    "--filter", "text_filter", metavar="TEXT",
    help="Review every flag whose title, explanation, quotes or their sentences contain TEXT (any case).",
)
@click.option("--reviewer", help="Who decides (default: $CLAIMS_REVIEWER, git user.name, or the login name).")
@click.option(
    "--replace", "--overwrite", "replace", is_flag=True,
    help="Replace the existing decisions of the selected flags (the earlier verdict is kept in its history).",
)
@click.option("-y", "--yes", is_flag=True, help="Record a verdict chosen by --rule/--story/--filter without asking.")
@click.option("--prune-stale", is_flag=True, help="Remove decisions whose discrepancy no longer exists.")
@rates_option
@progress_option
def review_command(
    data_dir: Path,
    reports_dir: Path,
    fingerprints: tuple[str, ...],
    all_unreviewed: bool,
    verdict: str | None,
    note: str,
    rule: str | None,
    story: str | None,
    text_filter: str | None,
    reviewer: str | None,
    replace: bool,
    yes: bool,
    prune_stale: bool,
    rates: Path | None,
    progress: bool | None,
) -> None:
    """Record a verdict on each flagged discrepancy, in REPORTS/reviews.toml.

    Without --verdict, walks the unreviewed flags in the terminal, their quotes side by side. With --verdict,
    records it for the discrepancies chosen by --fingerprint or --all-unreviewed, without asking.

    --rule, --story and --filter (together: flags that match all) choose flags in bulk: the count is shown,
    flags that already have a verdict are left alone unless --overwrite, and the verdict is recorded once
    confirmed (--yes: without asking; with no terminal, --yes is required).

    \b
    Examples:
      claims review
      claims review --fingerprint e5d8842c --verdict confirmed-error --note "the article contradicts itself"
      claims review --all-unreviewed --verdict false-alarm --reviewer ci-bot
      claims review --rule scale-slip --filter "jewels" --verdict confirmed-error --yes
      claims review --story s-86c2 --verdict explained-by-time --note "tolls as they grew"
      claims review --prune-stale
    """
    options = load_options(Path.cwd(), rates)
    with progress_bars(progress) as bar:
        outcome = check_store(data_dir, reports_dir, options, progress=check_progress(bar))
    reviews = outcome.reviews
    who = reviewer or default_reviewer()
    today = date.today()
    if prune_stale:
        removed = reviews.prune_stale(outcome.discrepancies)
        reviews.save()
        click.echo(f"claims: removed {plural(len(removed), 'stale decision')}", err=True)
        if not (verdict or fingerprints or all_unreviewed or rule or story or text_filter):
            return
    if rule or story or text_filter:
        if fingerprints:
            raise UsageError("choose flags by --fingerprint or by --rule/--story/--filter, not both")
        review_in_bulk(
            outcome, Selectors(rule, story, text_filter, all_unreviewed), verdict, note, who, replace=replace, yes=yes
        )
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


@dataclass(frozen=True)
class Selectors:
    """What `review --rule/--story/--filter` chooses: the flags that match every selector given."""

    rule: str | None
    story: str | None
    text: str | None
    unreviewed_only: bool

    def matches(self, discrepancy: Discrepancy) -> bool:
        if discrepancy.severity == "note":  # notes say what was set aside: they never need a verdict
            return False
        if self.rule and discrepancy.rule != self.rule:
            return False
        if self.story and not any((involved.story or "").startswith(self.story) for involved in discrepancy.facts):
            return False
        if self.text:
            texts = [discrepancy.title, discrepancy.explanation]
            texts += [text for involved in discrepancy.facts for text in (involved.quote, involved.sentence)]
            return self.text.casefold() in "\n".join(texts).casefold()
        return True

    def describe(self) -> str:
        """The selectors as they were given, for messages: `--rule scale-slip --filter 'jewels'`."""
        given = [("--rule", self.rule), ("--story", self.story), ("--filter", self.text)]
        words = [f"{option} {shlex.quote(value)}" for option, value in given if value]
        return " ".join(words + (["--all-unreviewed"] if self.unreviewed_only else []))


def review_in_bulk(
    outcome: Outcome,
    selectors: Selectors,
    verdict: str | None,
    note: str,
    reviewer: str,
    *,
    replace: bool,
    yes: bool,
) -> None:
    """Record `verdict` for every flag `selectors` choose, once confirmed; without a verdict, walk them.

    Flags that already have a verdict are left alone unless `replace`; the decisions are saved in one atomic
    write, so a refusal or a failure part way records none of them.
    """
    decided = outcome.decisions
    chosen = [d for d in outcome.discrepancies if selectors.matches(d)]
    if selectors.unreviewed_only:
        chosen = [d for d in chosen if d.fingerprint not in decided]
    if not chosen:
        raise UsageError(f"no flag matches {display_text(selectors.describe())} (see `claims check`)")
    had = [d for d in chosen if d.fingerprint in decided]
    pending = chosen if replace else [d for d in chosen if d.fingerprint not in decided]
    count = f"{plural(len(chosen), 'flag')} selected by {display_text(selectors.describe())}"
    if had:
        fate = "replaced, the earlier verdict kept in its history" if replace else "left alone; --overwrite replaces"
        count += f", {len(had)} with a verdict already ({fate})"
    if not pending:
        click.echo(f"claims: {count}; nothing to record", err=True)
        return
    reviews = outcome.reviews
    if verdict is None:
        if not sys.stdin.isatty():
            raise UsageError(f"{count}; no terminal to ask in: give --verdict and --yes")
        click.echo(f"claims: {count}", err=True)
        decided_now, skipped = walk(
            console(), pending, reviews, lambda prompt, default: str(click.prompt(prompt, default=default)),
            reviewer, date.today(), replace=replace,
        )
        click.echo(f"claims: {decided_now} decided, {skipped} skipped; saved to {reviews.path}", err=True)
        return
    if not yes and not sys.stdin.isatty():
        raise UsageError(f"{count}; no terminal to confirm in: add --yes to record {verdict} for them")
    click.echo(f"claims: {count}", err=True)
    if not yes and not click.confirm(
        f"Record {verdict} for {plural(len(pending), 'flag')}?", default=False, err=True
    ):
        click.echo("claims: nothing recorded", err=True)
        return
    today = date.today()
    for discrepancy in pending:
        reviews.record(discrepancy, verdict, note=note, reviewer=reviewer, on=today, replace=replace)
    reviews.save()
    click.echo(f"claims: recorded {verdict} for {plural(len(pending), 'flag')} in {reviews.path}", err=True)


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
