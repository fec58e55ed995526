"""Amounts in different currencies, compared through a user-supplied dated exchange-rate table (or noted)."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

import extract
from extract.cli import cli
from extract.consistency import CheckOptions, Discrepancy, check, load_options, records_from_rows
from extract.consistency.rates import load_rates
from extract.errors import InputError, UsageError

# Two wire stories on one theft, a day apart; the second gives the amount in euros. (A stolen amount is the event's
# own figure: compared whatever noun its sentence gives, unlike an investment, which needs its subject.)
USD_STORY = "Police said on Monday that the thieves who raided the Samarkand museum stole jewels worth $162.5 million."
GBP_STORY = "Police said on Monday that the thieves who raided the Samarkand museum stole jewels worth £128.5 million."


def eur_story(amount: str) -> str:
    return f"The thieves who raided the Samarkand museum stole jewels worth {amount}, police said on Tuesday."


# A sum stolen over a year: the explicit period "in 2021" dates both claims.
TRADE_USD = "Embezzlers stole $2.35 billion from the Samarkand state bank in 2021, the ministry said."
TRADE_EUR = "Embezzlers stole 2.1 billion euros from the Samarkand state bank in 2021."

# Euro reference rates as the ECB publishes them (1 EUR = x USD), and the pound against the dollar.
ECB = """date,base,quote,rate
2024-03-01,EUR,USD,1.0838
2024-03-04,EUR,USD,1.0855
2024-03-05,EUR,USD,1.0852
"""
YEAR_2021 = """date,base,quote,rate
2021-01-04,EUR,USD,1.2296
2021-06-30,EUR,USD,1.1884
2021-12-31,EUR,USD,1.1326
"""
VIA_DOLLAR = ECB + "2024-03-05,GBP,USD,1.2686\n"


def record(key: str, text: str, day: str | None) -> dict[str, str]:
    return {"id": key, "text": text} | ({"date": day} if day else {})


def found(
    folder: Path, records: list[dict[str, str]], rates: str | None, options: CheckOptions | None = None
) -> list[Discrepancy]:
    """The discrepancies of the JSONL `records` with the rate table `rates` (None: no table)."""
    (folder / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    table = None
    if rates is not None:
        (folder / "rates.csv").write_text(rates, encoding="utf-8")
        table = load_rates(Path("rates.csv"))
    facts = extract.facts(paths=["news.jsonl"])
    return check(records_from_rows(facts.to_dict("records")), replace(options or CheckOptions(), exchange_rates=table))


def currency_pairs(discrepancies: list[Discrepancy]) -> list[Discrepancy]:
    return [d for d in discrepancies if len({f.unit for f in d.facts}) > 1]


# (records, rate table, expected severity or None for silence, words the explanation must hold)
CASES = [
    pytest.param(
        [record("reuters-1", USD_STORY, "2024-03-04"), record("dw-7", eur_story("150 million euros"), "2024-03-05")],
        ECB,
        None,
        [],
        id="agree-at-the-rate-of-the-article-date",
    ),
    pytest.param(
        [record("reuters-1", USD_STORY, "2024-03-04"), record("dw-7", eur_story("120 million euros"), "2024-03-05")],
        ECB,
        "warning",
        ["“$162.5 million”", "“120 million euros”", "1 EUR = 1.0852 USD", "rates.csv:4", "the rate of 2024-03-05",
         "on or before 2024-03-05 (its article's date)", "122,300,000 to 138,400,000 USD", "2% either way"],
        id="conflict-cites-both-quotes-the-rate-and-its-date",
    ),
    pytest.param(
        [record("reuters-1", USD_STORY, "2024-03-04"), record("dw-7", eur_story("120 million euros"), "2024-03-03")],
        ECB,
        "warning",
        ["1 EUR = 1.0838 USD", "the rate of 2024-03-01", "on or before 2024-03-03"],
        id="a-sunday-takes-the-latest-rate-before-it",
    ),
    pytest.param(
        [record("reuters-1", USD_STORY, "2024-03-04"), record("dw-7", eur_story("120 million euros"), "2024-03-05")],
        "date,base,quote,rate\n2024-03-05,USD,EUR,0.9215\n",
        "warning",
        ["1 USD = 0.9215 EUR"],
        id="a-pair-serves-both-ways",
    ),
    pytest.param(
        [record("reuters-1", GBP_STORY, "2024-03-04"), record("dw-7", eur_story("150 million euros"), "2024-03-05")],
        VIA_DOLLAR,
        None,
        [],
        id="through-a-third-currency-agree",
    ),
    pytest.param(
        [record("reuters-1", GBP_STORY, "2024-03-04"), record("dw-7", eur_story("180 million euros"), "2024-03-05")],
        VIA_DOLLAR,
        "warning",
        ["1 EUR = 1.0852 USD", "1 GBP = 1.2686 USD", "the latest rates on or before 2024-03-05", "for each rate"],
        id="through-a-third-currency-conflict",
    ),
    pytest.param(
        [record("astana-1", TRADE_USD, "2022-02-10"), record("dpa-2", TRADE_EUR, "2022-02-11")],
        YEAR_2021,
        None,
        [],
        id="a-period-takes-the-rate-at-its-end",
    ),
    pytest.param(
        [record("astana-1", TRADE_USD, "2022-02-10"), record("dpa-2", TRADE_EUR.replace("2.1", "2.3"), "2022-02-11")],
        YEAR_2021,
        "warning",
        ["1 EUR = 1.1326 USD", "the rate of 2021-12-31",
         "the end of the period its sentence gives, 2021-01-01 to 2021-12-31"],
        id="a-period-conflict-names-the-period",
    ),
    pytest.param(
        [record("reuters-1", USD_STORY, "2024-03-04"), record("blog-3", eur_story("120 million euros"), None)],
        ECB,
        "warning",
        ["the rate of 2024-03-04", "the date of the claim it is compared with"],
        id="an-undated-claim-takes-the-other-claims-date",
    ),
    pytest.param(
        [record("reuters-1", USD_STORY, "2024-03-04"), record("dw-7", eur_story("120 million euros"), "2024-03-05")],
        None,
        "note",
        ["in different currencies (USD, EUR); without an exchange-rate table they are not compared"],
        id="no-table-a-note",
    ),
    pytest.param(
        [record("reuters-1", USD_STORY, "2019-03-04"), record("dw-7", eur_story("120 million euros"), "2019-03-05")],
        ECB,
        "note",
        ["they are not compared: rates.csv has no EUR/USD rate on or before 2019-03-05 (its first is of 2024-03-01)"],
        id="no-rate-before-the-first",
    ),
    pytest.param(
        [record("reuters-1", USD_STORY, "2024-09-02"), record("dw-7", eur_story("120 million euros"), "2024-09-03")],
        ECB,
        "note",
        ["the latest EUR/USD rate in rates.csv on or before 2024-09-03 is of 2024-03-05, more than 31 days before"],
        id="no-rate-recent-enough",
    ),
    pytest.param(
        [record("blog-1", USD_STORY, None), record("blog-3", eur_story("120 million euros"), None)],
        ECB,
        "note",
        ["neither claim has a date"],
        id="no-date-on-either-claim",
    ),
    pytest.param(
        [record("reuters-1", USD_STORY, "2024-03-04"), record("dw-7", eur_story("120 million euros"), "2024-03-05")],
        "date,base,quote,rate\n2024-03-05,GBP,JPY,191.02\n",
        "note",
        ["rates.csv has no rate between EUR and USD, directly or through one other currency"],
        id="no-rate-for-the-pair",
    ),
]


@pytest.mark.parametrize(("records", "rates", "severity", "words"), CASES)
def test_amounts_in_different_currencies(
    in_tmp: Path, records: list[dict[str, str]], rates: str | None, severity: str | None, words: list[str]
) -> None:
    pairs = currency_pairs(found(in_tmp, records, rates))
    if severity is None:
        assert pairs == [], [d.explanation for d in pairs]
        return
    [pair] = pairs
    assert pair.rule == "value-conflict" and pair.severity == severity
    for text in words:
        assert text in pair.explanation, pair.explanation
    if severity != "note":
        assert pair.title.startswith("Conflicting figures for crime.stolen_value")


def test_the_rate_tolerance_decides_a_near_miss(in_tmp: Path) -> None:
    # €148.8 million at 1.0852 is $161.5 million: within 2% of $162.5 million, but not exactly.
    records = [record("reuters-1", USD_STORY, "2024-03-04"), record("dw-7", eur_story("148.8 million euros"), "2024-03-05")]
    assert currency_pairs(found(in_tmp, records, ECB)) == []
    [conflict] = currency_pairs(found(in_tmp, records, ECB, CheckOptions(exchange_rate_tolerance=Decimal(0))))
    assert conflict.severity == "warning" and "allowing 0% either way" in conflict.explanation


def test_a_rate_older_than_the_limit_is_used_when_allowed(in_tmp: Path) -> None:
    records = [record("reuters-1", USD_STORY, "2024-09-02"), record("dw-7", eur_story("120 million euros"), "2024-09-03")]
    [conflict] = currency_pairs(found(in_tmp, records, ECB, CheckOptions(exchange_rate_max_age_days=366)))
    assert conflict.severity == "warning" and "the rate of 2024-03-05" in conflict.explanation


def test_one_article_contradicting_itself_across_currencies_is_an_error(in_tmp: Path) -> None:
    text = f"{USD_STORY} {eur_story('120 million euros')}"
    [conflict] = currency_pairs(found(in_tmp, [record("reuters-1", text, "2024-03-04")], ECB))
    assert conflict.severity == "error"


def test_the_conflict_keeps_the_fingerprint_of_its_note(in_tmp: Path) -> None:
    # Reviews are keyed by fingerprint: giving a table turns the note into a flag about the same two claims.
    records = [record("reuters-1", USD_STORY, "2024-03-04"), record("dw-7", eur_story("120 million euros"), "2024-03-05")]
    [note] = currency_pairs(found(in_tmp, records, None))
    [flag] = currency_pairs(found(in_tmp, records, ECB))
    assert note.fingerprint == flag.fingerprint and (note.severity, flag.severity) == ("note", "warning")


# -- the table file ----------------------------------------------------------------------------------------


def test_a_table_with_extra_columns_blank_lines_and_any_order(tmp_path: Path) -> None:
    path = tmp_path / "rates.csv"
    path.write_text("\ufeffsource,rate,quote,base,date\nECB,1.0855,usd,eur,2024-03-04\n\nECB,1.0838,USD,EUR,2024-03-01\n")
    table = load_rates(path)
    [(pair, rates)] = table.by_pair.items()
    assert pair == ("EUR", "USD")
    assert [(str(r.day), r.base, r.quote, str(r.rate), r.line) for r in rates] == [
        ("2024-03-01", "EUR", "USD", "1.0838", 4),
        ("2024-03-04", "EUR", "USD", "1.0855", 2),
    ]


BAD_TABLES = [
    # (file content as bytes, where the message points, what it says)
    pytest.param(b"", "rates.csv", "empty exchange-rate table", id="empty"),
    pytest.param(b"date,base,quote,rate\n", "rates.csv", "a header and no rates", id="header-only"),
    pytest.param(b"date,currency,rate\n2024-03-04,EUR,1.08\n", "rates.csv:1", "lacks the column 'base'",
                 id="missing-column"),
    pytest.param(b"date,base,quote,rate\n04/03/2024,EUR,USD,1.0855\n", "rates.csv:2",
                 "bad date '04/03/2024': expected YYYY-MM-DD", id="bad-date-format"),
    pytest.param(b"date,base,quote,rate\n2024-02-30,EUR,USD,1.0855\n", "rates.csv:2", "bad date '2024-02-30': no such day",
                 id="no-such-day"),
    pytest.param(b"date,base,quote,rate\n2024-03-01,EUR,USD,1.08\n2024-03-04,EUR,USD,n/a\n", "rates.csv:3",
                 "rate 'n/a' is not a number", id="non-numeric-rate"),
    pytest.param(b"date,base,quote,rate\n2024-03-04,EUR,USD,0\n", "rates.csv:2", "rate '0' is not a positive number",
                 id="zero-rate"),
    pytest.param(b"date,base,quote,rate\n2024-03-04,EUR,USD,-1.08\n", "rates.csv:2", "is not a positive number",
                 id="negative-rate"),
    pytest.param(b"date,base,quote,rate\n2024-03-04,EUR,USD,Infinity\n", "rates.csv:2", "is not a positive number",
                 id="infinite-rate"),
    pytest.param(b"date,base,quote,rate\n2024-03-04,EURO,USD,1.0855\n", "rates.csv:2",
                 "unknown currency code 'EURO' in column 'base'", id="unknown-code"),
    pytest.param(b"date,base,quote,rate\n2024-03-04,EUR,XYZ,1.0855\n", "rates.csv:2",
                 "unknown currency code 'XYZ' in column 'quote'", id="unknown-iso-shaped-code"),
    pytest.param(b"date,base,quote,rate\n2024-03-04,EUR,EUR,1\n", "rates.csv:2", "base and quote are both EUR",
                 id="same-currency"),
    pytest.param(b"date,base,quote,rate\n2024-03-04,EUR,USD\n", "rates.csv:2", "row has 3 fields, the header has 4",
                 id="short-row"),
    pytest.param(b"date,base,quote,rate\n2024-03-04,EUR,USD,1.0855\n2024-03-04,USD,EUR,0.92\n", "rates.csv:3",
                 "a second EUR/USD rate for 2024-03-04 (the first is on line 2)", id="duplicate-either-way"),
    pytest.param(b"date,base,quote,rate\n2024-03-04,EUR,USD,\"1.0855\n", "rates.csv:", "malformed CSV",
                 id="unclosed-quote"),
    pytest.param(b"date,base,quote,rate\n2024-03-04,EUR,USD,1.0855 \xe2\x82\n", "rates.csv",
                 "not valid UTF-8 at byte offset 47", id="not-utf8"),
]


@pytest.mark.parametrize(("content", "where", "message"), BAD_TABLES)
def test_a_bad_table_is_one_line_naming_the_file_and_line_exit_2(
    in_tmp: Path, content: bytes, where: str, message: str
) -> None:
    (in_tmp / "rates.csv").write_bytes(content)
    for command in (["check", "--rates", "rates.csv"], ["run", "news", "--rates", "rates.csv"]):
        result = CliRunner().invoke(cli, command, prog_name="claims")
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"claims: error: {where}") and message in result.stderr, result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert not (in_tmp / "data").exists(), "a bad table stops `claims run` before it extracts"


def test_a_missing_table_is_an_error(in_tmp: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--rates", "nope.csv"], prog_name="claims")
    assert result.exit_code == 2 and result.stderr == "claims: error: nope.csv: no such file or directory\n"


# -- configuration -----------------------------------------------------------------------------------------


def test_the_configured_table_is_relative_to_the_configuration_file(in_tmp: Path) -> None:
    project = in_tmp / "project"
    (project / "fx").mkdir(parents=True)
    (project / "fx" / "ecb.csv").write_text(ECB)
    (project / "pyproject.toml").write_text(
        '[tool.claims]\nexchange_rates = "fx/ecb.csv"\nexchange_rate_tolerance = 0.01\nexchange_rate_max_age_days = 7\n'
    )
    options = load_options(project)
    assert options.exchange_rates is not None and options.exchange_rates.name == "project/fx/ecb.csv"
    assert options.exchange_rate_tolerance == Decimal("0.01") and options.exchange_rate_max_age_days == 7
    assert load_options(in_tmp).exchange_rates is None  # none configured: amounts in other currencies are noted
    (in_tmp / "other.csv").write_text(VIA_DOLLAR)
    chosen = load_options(project, exchange_rates=Path("other.csv")).exchange_rates
    assert chosen is not None and chosen.name == "other.csv"  # --rates wins over the configured table


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        pytest.param("exchange_rates = 5", "exchange_rates must name a CSV file", id="rates-not-a-string"),
        pytest.param('exchange_rates = "missing.csv"', "missing.csv: no such file or directory", id="rates-missing"),
        pytest.param("exchange_rate_tolerance = 2", "exchange_rate_tolerance must be a share from 0 up to 1",
                     id="tolerance-too-big"),
        pytest.param('exchange_rate_tolerance = "2%"', "exchange_rate_tolerance must be a share", id="tolerance-text"),
        pytest.param("exchange_rate_max_age_days = -1", "exchange_rate_max_age_days must be a whole number",
                     id="max-age-negative"),
    ],
)
def test_bad_rate_settings_are_one_line_errors(in_tmp: Path, setting: str, message: str) -> None:
    (in_tmp / "claims.toml").write_text(setting + "\n")
    with pytest.raises((UsageError, InputError), match=message):
        load_options(in_tmp)
    result = CliRunner().invoke(cli, ["check"], prog_name="claims")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and message in result.stderr


def test_check_and_run_with_rates_from_the_command_line_and_the_configuration(in_tmp: Path) -> None:
    records = [record("reuters-1", USD_STORY, "2024-03-04"), record("dw-7", eur_story("120 million euros"), "2024-03-05")]
    (in_tmp / "news").mkdir()
    (in_tmp / "news" / "wires.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    (in_tmp / "rates.csv").write_text(ECB)
    runner = CliRunner()
    result = runner.invoke(cli, ["run", "news", "--fail-on", "new"], prog_name="claims")
    assert result.exit_code == 0, result.stderr  # without a table: only a note, which never gates
    assert "1 discrepancy (1 note)" in result.stderr
    result = runner.invoke(cli, ["check", "--rates", "rates.csv", "--format", "json", "--fail-on", "new"])
    assert result.exit_code == 1, result.stderr
    [conflict] = json.loads(result.stdout)
    assert conflict["severity"] == "warning" and "1 EUR = 1.0852 USD (rates.csv:4" in conflict["explanation"]
    (in_tmp / "claims.toml").write_text('exchange_rates = "rates.csv"\n')
    result = runner.invoke(cli, ["run", "news", "--fail-on", "new"], prog_name="claims")
    assert result.exit_code == 1 and "1 discrepancy (1 warning)" in result.stderr
    assert "1 EUR = 1.0852 USD" in (in_tmp / "reports" / "discrepancies.md").read_text(encoding="utf-8")
