"""Persons in the news: whose age a figure gives, whom an article names, and the part each plays in its story.

- :mod:`.names`: the persons an article names ("Police Commissioner Raymond Kelly" is Raymond Kelly, "Kings
  County Hospital" no one), their surnames and given names;
- :mod:`.holders`: whose age a figure is (a name, a describing noun, or someone unsaid), and what two ages must
  share to be one person's (`person_key`, `same_person`);
- :mod:`.roles`: the part a person plays in the sentence: suspect, victim, ... or speaker, relative;
- :mod:`.article`: whom an article's unnamed ages describe, once the persons it names are known;
- :mod:`.lexicon`: the words all of them read, from ``lexicons/persons.toml``, ``lexicons/person_names.toml``
  and the reporting verbs of ``lexicons/attribution.toml``.

Callers import from this package; its modules are its own business.
"""

from __future__ import annotations

from extract.readers.persons.article import named_apart, resolve_in_article
from extract.readers.persons.holders import (
    AGE_METRIC,
    AgeMention,
    UnnamedAge,
    age_holder,
    describe_unnamed,
    is_grown,
    person_key,
    same_person,
    stated_gender,
)
from extract.readers.persons.names import (
    NameMention,
    given_initial,
    is_common_capitalised,
    is_name,
    names_in,
    surname_of,
)
from extract.readers.persons.roles import role_of

__all__ = [
    "AGE_METRIC",
    "AgeMention",
    "NameMention",
    "UnnamedAge",
    "age_holder",
    "describe_unnamed",
    "given_initial",
    "is_common_capitalised",
    "is_grown",
    "is_name",
    "named_apart",
    "names_in",
    "person_key",
    "resolve_in_article",
    "role_of",
    "same_person",
    "stated_gender",
    "surname_of",
]
