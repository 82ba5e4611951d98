"""The examples in the foundation modules' docstrings run and give what they say."""
import doctest
import importlib

import pytest


@pytest.mark.parametrize("module", ["smlib.schema", "smlib.hours", "smlib.privacy", "smlib.threads", "smlib.loaders._options",
                                    "smlib.loaders._text", "smlib.textforms", "smlib.config", "smlib.reportview",
                                    "smlib.summary", "smlib.stars", "smlib.sentiment",
                                    "smlib.loaders._pages", "smlib.charts", "smlib.checks._answers", "smlib.signoff",
                                    "smlib.metrics", "smlib.loaders._rows"])
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
