"""smlib: teach and do social-media monitoring for customer service.

Built for OCR Cambridge Technicals Level 2 Unit 3, LO2: monitor and report on social media
activity (P3), prioritise it (M2), judge monitoring tools (P4) and recommend one (D1).

``import smlib`` is light: submodules load on first use, so notebook kernels start fast.

    >>> import smlib
    >>> ds = smlib.load_sample(smlib.list_organisations()[0])     # doctest: +SKIP
"""
from __future__ import annotations

import importlib
from typing import Any

from .errors import DataError

__version__ = "0.1.0"

# public name -> submodule that defines it (loaded lazily on first access)
_EXPORTS: dict[str, str] = {
    # data model
    "Dataset": "schema", "Profile": "schema",
    "validate_interactions": "schema", "validate_audience": "schema",
    # sample data
    "list_organisations": "sample", "load_sample": "sample", "load_profile": "sample",
    "load_org": "sample", "add_response_times": "threads",
    "generate_sample": "generate",
    # loading real exports
    "load": "loaders",
    # analyses
    "add_sentiment": "sentiment", "explain_sentiment": "sentiment",
    "add_themes": "themes", "discover_themes": "themes",
    "monitor": "metrics", "describe_activity": "summary", "compare_periods": "metrics",
    "default_days": "metrics",
    "prioritise": "priority", "explain_extremes": "priority",
    "detect_crisis": "crisis", "find_security_risks": "security",
    "load_tool_catalogue": "tools", "tool_coverage": "tools", "view_through_tool": "tools",
    "recommend_tool": "tools",
    "enrich": "pipeline",
    # reports and privacy
    "build_reports": "report", "check_config": "config",
    "pseudonymise": "privacy", "safe_csv": "privacy", "inert_urls": "privacy",
}

_SUBMODULES = {"schema", "sample", "generate", "loaders", "sentiment", "themes", "metrics",
               "summary", "priority", "crisis", "security", "tools", "report", "privacy",
               "hours", "paths", "checks", "pipeline", "charts", "errors", "cli", "widgets",
               "threads", "reportview", "batch", "htmlexport", "config", "stars", "language"}

__all__ = ["DataError", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        module = importlib.import_module(f".{_EXPORTS[name]}", __name__)
        value = getattr(module, name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        module = importlib.import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    raise AttributeError(f"module 'smlib' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS) | _SUBMODULES)
