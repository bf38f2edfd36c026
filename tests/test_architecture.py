"""Meta-tests: the pure core stays pure; settings are documented."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from screener.config import SETTINGS

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN_IN_CORE = {
    "requests",
    "urllib3",
    "sqlalchemy",
    "sqlite3",
    "streamlit",
    "psycopg",
    "alembic",
    "screener",
    "socket",
    "http",
    "urllib",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "criteria").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_criteria_core_imports_no_io(path):
    assert not (_imports(path) & FORBIDDEN_IN_CORE), f"{path} imports I/O: {_imports(path) & FORBIDDEN_IN_CORE}"


def test_only_ui_modules_import_streamlit():
    allowed = {ROOT / "app.py", ROOT / "screener" / "ui.py"}
    offenders = [p for p in (ROOT / "screener").rglob("*.py") if "streamlit" in _imports(p) and p not in allowed]
    assert not offenders


def test_every_setting_is_documented_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [s.env for s in SETTINGS.values() if s.env not in readme]
    assert not missing


def test_streamlit_config_sends_no_usage_statistics_and_tables_do_not_export():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["disableDataExport"] is True
