import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import content as reference  # noqa: E402
from site_build import build  # noqa: E402


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The sample site with every export, and the content read independently."""
    content, out = build(tmp_path_factory.mktemp("exports"))
    return reference.read(content), out
