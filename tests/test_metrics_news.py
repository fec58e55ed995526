"""Metrics of news at large (lexicons/metrics.toml): companies, markets, public finance, the economy, prices,
production, polls and elections. Sentences written for this table in the style of newswire and business pages (not
taken from the development golds); each names the quote and the metric it must get."""

from __future__ import annotations

import pytest

from extract.readers.claims import find_claims
from extract.readers.metrics import subject_keyed

# (sentence, quote, metric)
CASES = [
    pytest.param("Revs 412.6 mln vs 388.1 mln", "412.6 mln", "finance.revenue", id="table-revenue"),
    pytest.param("Revs 412.6 mln vs 388.1 mln", "388.1 mln", "finance.revenue", id="table-revenue-prior"),
    pytest.param("Shr 1.12 dlrs vs 98 cts", "98 cts", "finance.eps", id="table-eps"),
    pytest.param("Net 22.4 mln vs 19.9 mln", "22.4 mln", "finance.profit", id="table-net"),
    pytest.param("Qtly div 15 cts vs 15 cts prior", "15 cts", "finance.dividend", id="table-dividend"),
    pytest.param("Net loss 3.1 mln vs profit 2.2 mln", "3.1 mln", "finance.loss", id="table-loss"),
    pytest.param("The retailer said net income rose to 48 mln dlrs in the quarter.", "48 mln dlrs", "finance.profit",
                 id="prose-net-income"),
    pytest.param("Sales fell to 1.2 billion dlrs from 1.4 billion a year earlier, the company said.",
                 "1.2 billion dlrs", "finance.revenue", id="prose-sales"),
    pytest.param("The group agreed to buy the chemicals unit for 640 mln dlrs in cash.", "640 mln dlrs", "deal.value",
                 id="prose-acquisition"),
    pytest.param("It said it now holds 1,250,000 shares of the company's common stock.", "1,250,000", "market.shares",
                 id="prose-shares-held"),
    pytest.param("The investor said it had raised its stake in the bank to 9.8 pct.", "9.8 pct", "market.shares",
                 id="prose-stake"),
    pytest.param("Consumer prices rose 0.4 pct in March, the Labor Department said.", "0.4 pct", "economy.inflation",
                 id="prose-inflation"),
    pytest.param("The unemployment rate fell to 6.6 pct last month.", "6.6 pct", "economy.unemployment",
                 id="prose-unemployment"),
    pytest.param("The central bank cut its discount rate to 5.5 pct on Friday.", "5.5 pct", "economy.interest_rate",
                 id="prose-discount-rate"),
    pytest.param("Exports rose to 19.4 billion dlrs in February from 17.2 billion in January.", "19.4 billion dlrs",
                 "trade.exports", id="prose-exports"),
    pytest.param("Imports of crude oil fell to 4.1 mln barrels a day.", "4.1 mln barrels", "trade.imports", id="prose-imports"),
    pytest.param("Crude oil prices rose to 18.50 dlrs a barrel in early trading.", "18.50 dlrs", "price.goods",
                 id="prose-oil-price"),
    pytest.param("The new mill will produce 200,000 tonnes of steel a year.", "200,000 tonnes", "production.output",
                 id="prose-output"),
    pytest.param("The government plans to cut spending by 3 billion euros next year.", "3 billion euros",
                 "government.spending", id="prose-spending"),
    pytest.param("The latest poll gave the Labour Party 41 percent of the vote.", "41 percent", "poll.share",
                 id="prose-poll"),
    pytest.param("Turnout was 62 percent, the election commission said.", "62 percent", "election.turnout",
                 id="prose-turnout"),
    pytest.param("The party won 212 seats in the 450-member assembly.", "212", "election.seats", id="prose-seats"),
    pytest.param("Shr loss one ct vs loss two cts", "two cts", "finance.eps", id="table-eps-number-words"),
    pytest.param("He threw for 3 touchdowns in the second half.", "3", "sports.result", id="sports-touchdowns"),
    pytest.param("The striker has missed 10 games this season with a knee injury.", "10", "sports.result",
                 id="sports-games"),
    pytest.param("The Dow Jones industrial average fell 12 points to 2,280.", "12", "other",
                 id="index-points-are-no-sports"),
    # -- a cue inside a name does not make a metric -------------------------------------------------------------
    pytest.param("An investment bank advised on the 300 mln dlr offering.", "300 mln dlr", "other",
                 id="name-investment-bank"),
    pytest.param("The Trade Minister arrived with 40 business leaders on Monday.", "40", "other",
                 id="name-trade-minister"),
    pytest.param("The importance of the 300 tonnes of grain was clear.", "300 tonnes", "other", id="importance-is-not-imports"),
]


@pytest.mark.parametrize(("sentence", "quote", "metric"), CASES)
def test_news_metric(sentence: str, quote: str, metric: str) -> None:
    found = {claim.quantity.surface: claim.metric for claim in find_claims(sentence)}
    assert quote in found, found
    assert found[quote] == metric


def test_a_companys_figures_are_keyed_by_their_subject() -> None:
    """A company's profit or a country's inflation is comparable only for one subject (issue 13's subject column)."""
    assert all(subject_keyed(metric) for metric in ("finance.profit", "deal.value", "economy.inflation"))
    assert not any(subject_keyed(metric) for metric in ("casualties.killed", "border.length", "migration.migrants"))
