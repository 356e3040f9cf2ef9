"""The AppStream metainfo: what software centres show; valid, and consistent with the app."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from headway_journal import APP_ID, APP_NAME, __version__, desktop

ROOT = Path(__file__).resolve().parents[1]


def appstreamcli() -> str:
    """The validator's path; under CI on Linux its absence is a failure, elsewhere a skip
    (Windows and macOS runners have no AppStream tools, and no use for them)."""
    tool = shutil.which("appstreamcli")
    if tool is None:
        under_ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")
        if under_ci and sys.platform.startswith("linux"):
            pytest.fail("appstreamcli is missing under CI: .ci/run installs Debian's appstream")
        pytest.skip("appstreamcli is not installed (Debian: appstream)")
    return tool


def component() -> ET.Element:
    return ET.parse(desktop.metainfo_source_path()).getroot()


def test_installed_metainfo_passes_appstreamcli_validate(tmp_path: Path) -> None:
    tool = appstreamcli()
    desktop.install_desktop(tmp_path)
    installed = desktop.metainfo_path(tmp_path)
    result = subprocess.run(
        [tool, "validate", "--no-net", "--no-color", str(installed)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if line[:2] in ("E:", "W:")]
    assert problems == [], result.stdout


def test_validate_catches_a_broken_file(tmp_path: Path) -> None:
    """The check above can fail: a metainfo without a summary is rejected."""
    tool = appstreamcli()
    text = desktop.metainfo_source_path().read_text(encoding="utf-8")
    start, end = text.index("<summary>"), text.index("</summary>") + len("</summary>")
    broken = tmp_path / f"{APP_ID}.metainfo.xml"
    broken.write_text(text[:start] + text[end:], encoding="utf-8")
    result = subprocess.run([tool, "validate", "--no-net", str(broken)], capture_output=True)
    assert result.returncode != 0


def test_id_and_launchable_match_the_desktop_entry() -> None:
    root = component()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == desktop.DESKTOP_TEMPLATE
    assert (desktop.resources_dir() / launchable.text).is_file()
    assert desktop.metainfo_path(Path("/x")).name == f"{APP_ID}.metainfo.xml"


def test_release_is_the_version_in_pyproject() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    version = pyproject["project"]["version"]
    releases = component().findall("releases/release")
    assert releases, "no <release>"
    assert releases[0].get("version") == version == __version__  # newest first


def test_screenshots_are_files_in_docs_screenshots() -> None:
    images = [img.text or "" for img in component().findall("screenshots/screenshot/image")]
    assert images
    for url in images:
        assert url.startswith("https://"), url
        assert "/docs/screenshots/" in url, url
        assert (ROOT / "docs" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url


def test_content_rating_and_summary_present() -> None:
    root = component()
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type", "").startswith("oars-")
    summary = root.findtext("summary") or ""
    assert 0 < len(summary) <= 80 and not summary.endswith(".")
    assert root.find("description/p") is not None
