"""Check the tutor-editable files in ``data/`` all at once, before a batch starts.

Why: each report reads the configuration files inside its own notebook, so a typo in
``themes.toml`` used to surface about ten seconds into *every* organisation's run, as one
FAILED report per organisation. :func:`check_config` reads each file with the same reader
the analyses use (so it finds exactly the problems they would) and raises one
:class:`smlib.DataError` listing every broken file, in about a second, before anything is made.
A tutor can also call it after editing a file.

>>> checked = check_config()   # the bundled files are fine: it returns the names of the files read
>>> checked[:3], "organisations/northway-rail.toml" in checked
(['themes.toml', 'sentiment_lexicon.csv', 'priority_rules.toml'], True)
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from .errors import DataError
from .schema import Profile


def _themes() -> None:
    from .themes import read_themes
    read_themes()


def _lexicon() -> None:
    from .sentiment import read_lexicon
    read_lexicon()


def _priority() -> None:
    from .priority import load_priority_rules
    load_priority_rules()


def _responses() -> None:
    # The rules name a standard reply ("situation") for some factors; the check that each one is
    # in responses.toml lives in prioritise(), so one message is scored to run it.
    from .priority import load_priority_rules, load_responses, prioritise
    load_responses()
    try:
        load_priority_rules()
    except DataError:
        return   # the rules' own check reports it; saying it twice counted one problem as two
    prioritise(pd.DataFrame({"text": ["hello"], "created_at": [pd.Timestamp("2024-01-01", tz="UTC")],
                             "author_is_org": [False]}))


def _keywords() -> None:
    from .metrics import _keywords as read_keywords
    read_keywords()


def _strong_language() -> None:
    from .strong_language import strong_words
    strong_words()


def _places() -> None:
    from .metrics import _places as read_places
    read_places()


def _tools() -> None:
    from .tools import load_tool_catalogue, load_tool_settings
    load_tool_catalogue()
    load_tool_settings()


def _exercises() -> None:
    from .checks._core import settings
    settings()


# file (as a tutor knows it) -> the reader the analyses use
CHECKS: dict[str, Callable[[], None]] = {
    "themes.toml": _themes,
    "sentiment_lexicon.csv": _lexicon,
    "priority_rules.toml": _priority,
    "responses.toml": _responses,
    "monitoring_keywords.toml": _keywords,
    "places.toml": _places,
    "tools.toml": _tools,
    "strong_language.toml": _strong_language,
}


def check_config(orgs: Iterable[str] | None = None, *, exercises: bool = False,
                 corrections: str | Path | None = None) -> list[str]:
    """Read every configuration file the reports use; raise one DataError listing all problems.

    ``orgs``: the organisations about to be reported on; the profile of each sample organisation
    among them is read too (paths to exports are the loader's business). None reads every
    profile in ``data/organisations/``. ``exercises=True`` adds ``exercises.toml`` (the learner
    exercises read it; reports do not). ``corrections``: a learners' corrections CSV to check.

    Returns the names of the files checked. The error's message has one line per broken file,
    each naming the file and the field, as the reader that found it does.
    """
    problems: list[str] = []
    checked: list[str] = []

    def run(name: str, fn: Callable[[], object]) -> None:
        checked.append(name)
        try:
            fn()
        except DataError as exc:
            problems.append(str(exc))

    for name, fn in CHECKS.items():
        run(name, fn)
    if exercises:
        run("exercises.toml", _exercises)
    for name, path in _profiles(orgs).items():
        run(name, lambda path=path: Profile.from_toml(path))
    if corrections is not None:
        from .sentiment import _read_corrections
        run(str(corrections), lambda: _read_corrections(corrections))
    if problems:
        n = len(problems)
        raise DataError(f"{'a configuration file has a problem' if n == 1 else f'{n} configuration files have problems'}"
                        " (nothing was made; fix and run again):\n  - " + "\n  - ".join(problems))
    return checked


def _profiles(orgs: Iterable[str] | None) -> dict[str, Path]:
    """The profile files to read: those of the sample organisations named in ``orgs`` (None: all)."""
    from .sample import _profile_files
    files = _profile_files()
    wanted = files if orgs is None else {str(o): files[str(o)] for o in orgs if str(o) in files}
    return {f"organisations/{path.name}": path for path in wanted.values()}
