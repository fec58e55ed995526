"""Which rules run and their tolerances: ``[tool.claims]`` in ``pyproject.toml`` or a ``claims.toml``.

A ``claims.toml`` holds the same keys at its top level, or in a ``[tool.claims]`` table as pyproject.toml does.
Every key is optional; an unknown key or rule id, or a value of the wrong type, is an error naming the file, the
key and what it takes. Complementary
metrics (parts that make up a whole: the settled and unsettled stretches of a border make up its length) are
data in ``extract/lexicons/complements.toml``; a project can add its own under ``complements``.

    [tool.claims]
    rules = ["value-conflict", "scale-slip", "part-exceeds-whole", "complement-sum", "share-sum",
             "change-arithmetic", "parts-sum"]   # default: all
    relative_tolerance = 0.0    # widen every interval by this share of its value
    share_tolerance = 0.5       # percentage points allowed above 100% before shares conflict
    change_tolerance = 0.02     # relative slack when checking "grew by X%" against its endpoints
    scale_factors = [1000, 1000000]
    scale_tolerance = 0.05      # how close a ratio must be to a scale factor to call it a slip
    complements = [{ parts = ["border.settled", "border.unsettled"], whole = "border.length" }]
    exchange_rates = "rates.csv"          # a dated rate table (extract/consistency/rates.py), relative to this file;
                                          # default: none, and amounts in different currencies are not compared
    exchange_rate_tolerance = 0.02        # relative uncertainty allowed for each rate used
    exchange_rate_max_age_days = 31       # how much older than the claim's date a rate may be

`load_options(directory, exchange_rates=path)` reads the table in `path` instead (the CLI's ``--rates``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any, Final

from extract.consistency.rates import RateTable, load_rates
from extract.errors import UsageError

__all__ = ["ALL_RULES", "CheckOptions", "Complement", "load_options"]

ALL_RULES: Final = (
    "value-conflict",
    "scale-slip",
    "part-exceeds-whole",
    "complement-sum",
    "share-sum",
    "change-arithmetic",
    "parts-sum",
)
KNOWN_KEYS: Final = frozenset(
    {
        "rules",
        "relative_tolerance",
        "share_tolerance",
        "change_tolerance",
        "scale_factors",
        "scale_tolerance",
        "complements",
        "exchange_rates",
        "exchange_rate_tolerance",
        "exchange_rate_max_age_days",
    }
)


@dataclass(frozen=True, slots=True)
class Complement:
    parts: tuple[str, str]
    whole: str


def _default_complements() -> tuple[Complement, ...]:
    raw = tomllib.loads(files("extract").joinpath("lexicons/complements.toml").read_text(encoding="utf-8"))
    return tuple(Complement((entry["parts"][0], entry["parts"][1]), entry["whole"]) for entry in raw["complement"])


@dataclass(frozen=True, slots=True)
class CheckOptions:
    rules: frozenset[str] = frozenset(ALL_RULES)
    relative_tolerance: Decimal = Decimal(0)
    share_tolerance: Decimal = Decimal("0.5")
    change_tolerance: Decimal = Decimal("0.02")
    scale_factors: tuple[Decimal, ...] = (Decimal(1000), Decimal(1_000_000))
    scale_tolerance: Decimal = Decimal("0.05")
    complements: tuple[Complement, ...] = field(default_factory=_default_complements)
    exchange_rates: RateTable | None = None  # none: amounts in different currencies are only noted
    exchange_rate_tolerance: Decimal = Decimal("0.02")
    exchange_rate_max_age_days: int = 31


def load_options(directory: Path, exchange_rates: Path | None = None) -> CheckOptions:
    """The options of the project in `directory`: its claims.toml, else [tool.claims] of its pyproject.toml.

    `exchange_rates` names a rate table to use instead of the one the configuration names, if any.
    """
    options = _configured(directory, skip_rates=exchange_rates is not None)
    return options if exchange_rates is None else replace(options, exchange_rates=load_rates(exchange_rates))


def _configured(directory: Path, skip_rates: bool) -> CheckOptions:
    for name, table_path in (("claims.toml", ()), ("pyproject.toml", ("tool", "claims"))):
        path = _relative(directory / name)
        if not path.exists():
            continue
        try:
            raw: Any = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise UsageError(f"{path}: not valid TOML ({error})") from None
        if name == "claims.toml":
            return _options(_claims_table(raw, path), path, skip_rates)
        for key in table_path:
            raw = raw.get(key, {}) if isinstance(raw, dict) else {}
        if raw:
            if not isinstance(raw, dict):
                raise UsageError(f"{path}: [tool.claims] must be a table of options, not {_shown(raw)}")
            return _options(raw, path, skip_rates)
    return CheckOptions()


def _relative(path: Path) -> Path:
    """`path` from the current folder when it lies under it: messages name `claims.toml`, not a long path."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return path


def _claims_table(raw: dict[str, Any], path: Path) -> dict[str, Any]:
    """The options of a claims.toml: its top-level keys, or its [tool.claims] table, so that the block the
    README shows for pyproject.toml works pasted as it is."""
    if "tool" not in raw:
        return raw
    tool = raw["tool"]
    if not isinstance(tool, dict) or set(tool) != {"claims"} or not isinstance(tool["claims"], dict):
        raise UsageError(f"{path}: [tool] may hold only the [tool.claims] table of options")
    others = sorted(set(raw) - {"tool"})
    if others:
        raise UsageError(
            f"{path}: options both at the top level ({others[0]!r}) and in [tool.claims]; give them in one place"
        )
    table: dict[str, Any] = tool["claims"]
    return table


def _options(raw: dict[str, Any], path: Path, skip_rates: bool) -> CheckOptions:
    unknown = sorted(set(raw) - KNOWN_KEYS)
    if unknown:
        raise UsageError(f"{path}: unknown option {unknown[0]!r} (known: {', '.join(sorted(KNOWN_KEYS))})")
    rules = raw.get("rules", list(ALL_RULES))
    if not isinstance(rules, list) or not all(isinstance(rule, str) for rule in rules):
        raise UsageError(f"{path}: rules must be a list of rule ids (such as ['value-conflict']), not {_shown(rules)}")
    bad = [rule for rule in rules if rule not in ALL_RULES]
    if bad:
        raise UsageError(f"{path}: unknown rule {bad[0]!r} (known: {', '.join(ALL_RULES)})")
    defaults = CheckOptions()
    return CheckOptions(
        rules=frozenset(rules),
        relative_tolerance=_number(raw, "relative_tolerance", defaults.relative_tolerance, path),
        share_tolerance=_number(raw, "share_tolerance", defaults.share_tolerance, path),
        change_tolerance=_number(raw, "change_tolerance", defaults.change_tolerance, path),
        scale_factors=_scale_factors(raw.get("scale_factors", list(defaults.scale_factors)), path),
        scale_tolerance=_number(raw, "scale_tolerance", defaults.scale_tolerance, path),
        complements=defaults.complements + _complements(raw.get("complements", []), path),
        exchange_rates=None if skip_rates else _rate_table(raw, path),
        exchange_rate_tolerance=_tolerance(raw.get("exchange_rate_tolerance", defaults.exchange_rate_tolerance), path),
        exchange_rate_max_age_days=_max_age(
            raw.get("exchange_rate_max_age_days", defaults.exchange_rate_max_age_days), path
        ),
    )


def _shown(value: object) -> str:
    """A setting's value for a message: as TOML's reader gave it, cut short."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _decimal(value: object) -> Decimal | None:
    """`value` as a finite Decimal when it is a TOML number (not a string, not a boolean), else None."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    number = Decimal(str(value))
    return number if number.is_finite() else None


def _number(raw: dict[str, Any], key: str, default: Decimal, path: Path) -> Decimal:
    value = raw.get(key, default)
    number = _decimal(value)
    if number is None or number < 0:
        raise UsageError(f"{path}: {key} must be a number of 0 or more (such as {default}), not {_shown(value)}")
    return number


def _scale_factors(value: object, path: Path) -> tuple[Decimal, ...]:
    factors = [_decimal(item) for item in value] if isinstance(value, list) else [None]
    if not all(factor is not None and factor > 1 for factor in factors):
        raise UsageError(
            f"{path}: scale_factors must be a list of numbers above 1 (such as [1000, 1000000]), not {_shown(value)}"
        )
    return tuple(factor for factor in factors if factor is not None)


def _complements(value: object, path: Path) -> tuple[Complement, ...]:
    def metric(item: object) -> bool:
        return isinstance(item, str) and bool(item)

    entries: list[Any] = value if isinstance(value, list) else [None]
    if not all(
        isinstance(entry, dict)
        and set(entry) == {"parts", "whole"}
        and isinstance(entry["parts"], list)
        and len(entry["parts"]) == 2
        and all(metric(part) for part in entry["parts"])
        and metric(entry["whole"])
        for entry in entries
    ):
        raise UsageError(
            f"{path}: complements must be a list of tables of two metric ids and their whole (such as "
            f'{{ parts = ["border.settled", "border.unsettled"], whole = "border.length" }}), not {_shown(value)}'
        )
    return tuple(Complement((entry["parts"][0], entry["parts"][1]), entry["whole"]) for entry in entries)


def _rate_table(raw: dict[str, Any], path: Path) -> RateTable | None:
    name = raw.get("exchange_rates")
    if name is None:
        return None
    if not isinstance(name, str) or not name:
        raise UsageError(f"{path}: exchange_rates must name a CSV file (a string), not {name!r}")
    return load_rates(path.parent / name)  # relative to the configuration file, wherever it is run from


def _tolerance(value: object, path: Path) -> Decimal:
    number = isinstance(value, int | float | Decimal) and not isinstance(value, bool)
    tolerance = Decimal(str(value)) if number else None
    if tolerance is None or not tolerance.is_finite() or not Decimal(0) <= tolerance < 1:
        raise UsageError(f"{path}: exchange_rate_tolerance must be a share from 0 up to 1 (0.02 is 2%), not {value!r}")
    return tolerance


def _max_age(value: object, path: Path) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise UsageError(f"{path}: exchange_rate_max_age_days must be a whole number of days, not {value!r}")
    return value
