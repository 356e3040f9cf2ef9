"""The hosted CI workflow runs what `make test` and `make bundle` run, on all three systems.

Nothing here can run the workflow; it checks the file's structure and that each command is the
one the Makefile (and pyproject's extras) define, so the two cannot drift apart. PyYAML reads
the file when it is installed; otherwise a small reader for the subset the file uses does.
"""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def steps_and_matrix() -> tuple[list[dict[str, str]], list[str], dict[str, str], str]:
    """(steps, matrix os list, job env, python version) of the one job."""
    text = WORKFLOW.read_text(encoding="utf-8")
    try:
        import yaml
    except ImportError:
        return read_subset(text)
    data: dict[Any, Any] = yaml.safe_load(text)
    assert "on" in data or True in data  # YAML 1.1 reads the key `on` as true
    (job,) = data["jobs"].values()
    steps = [{k: str(v) for k, v in step.items() if k != "with"} | dict(step.get("with", {}))
             for step in job["steps"]]
    python = next(s["python-version"] for s in steps if "python-version" in s)
    return steps, job["strategy"]["matrix"]["os"], job["env"], python


def read_subset(text: str) -> tuple[list[dict[str, str]], list[str], dict[str, str], str]:
    """The steps (key: value, `run: |` blocks), the matrix and env of the workflow's one job."""
    lines = text.splitlines()
    matrix = re.search(r"^\s+os: \[(.*)\]$", text, re.M)
    assert matrix, "no matrix os list"
    env = dict(re.findall(r"^      (QT_QPA_PLATFORM|PYTHONUTF8): \"?([^\"\n]*)\"?$", text, re.M))
    steps: list[dict[str, str]] = []
    index = lines.index("    steps:") + 1
    while index < len(lines):
        line = lines[index]
        index += 1
        item = re.match(r"^      (- )?\s*([\w-]+): ?(.*)$", line)
        if not item:
            continue
        if item.group(1):
            steps.append({})
        key, value = item.group(2), item.group(3).split("  #")[0].strip()
        if key == "with" and not value:
            continue  # its keys follow, merged into the step
        if value == "|":
            block = []
            while index < len(lines) and (lines[index].startswith(" " * 10) or not lines[index]):
                block.append(lines[index][10:])
                index += 1
            value = "\n".join(block).rstrip("\n") + "\n"
        steps[-1][key] = value.strip('"') if key != "run" else value
    python = next(s["python-version"] for s in steps if "python-version" in s)
    return steps, [s.strip() for s in matrix.group(1).split(",")], env, python


def make_recipe(target: str) -> list[str]:
    """The Makefile target's commands, with $(BIN)/ and the env prefix taken off."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{target}:"))
    recipe = []
    for line in lines[start + 1:]:
        if not line.startswith("\t"):
            break
        command = line.strip().replace("$(BIN)/", "")
        recipe.append(re.sub(r"^QT_QPA_PLATFORM=offscreen ", "", command))
    return recipe


def run_lines(steps: list[dict[str, str]]) -> list[str]:
    return [line.split("  #")[0].strip() for s in steps if "run" in s
            for line in s["run"].splitlines() if line.strip()]


def test_matrix_is_the_three_hosted_systems_on_python_311() -> None:
    steps, matrix, env, python = steps_and_matrix()
    assert sorted(matrix) == ["macos-latest", "ubuntu-latest", "windows-latest"]
    assert python == "3.11"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["requires-python"] == ">=3.11"
    assert env["QT_QPA_PLATFORM"] == "offscreen"
    assert [s.get("uses", "").split("@")[0] for s in steps if "uses" in s] == [
        "actions/checkout", "actions/setup-python", "actions/upload-artifact"]


def test_installs_the_extras_pyproject_defines() -> None:
    steps, *_ = steps_and_matrix()
    install = next(line for line in run_lines(steps) if "pip install" in line)
    extras = re.search(r"\.\[([\w,]+)\]", install)
    assert extras, install
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    defined = pyproject["project"]["optional-dependencies"]
    assert set(extras.group(1).split(",")) == {"test", "dev"} <= set(defined)
    tools = " ".join(defined["test"] + defined["dev"])
    for tool in ("pytest", "pytest-qt", "ruff", "mypy", "pyinstaller"):
        assert tool in tools


def test_runs_every_command_of_make_test_and_make_bundle() -> None:
    steps, *_ = steps_and_matrix()
    commands = run_lines(steps)
    for command in make_recipe("test") + make_recipe("bundle"):
        assert command in commands or command.removeprefix("python ") in commands, command
    bundle = next(c for c in commands if c.startswith("pyinstaller"))
    spec = shlex.split(bundle)[-1]
    assert (ROOT / spec).is_file()


def test_linux_leg_installs_the_validators_and_checks_the_bundle() -> None:
    steps, *_ = steps_and_matrix()
    commands = run_lines(steps)
    apt = next(c for c in commands if "apt-get install" in c)
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for package in ("desktop-file-utils", "appstream"):
        assert package in apt.split() and package in ci_run
    check = next(c for c in commands if "check_bundle.py" in c)
    script = (ROOT / shlex.split(check)[1]).read_text(encoding="utf-8")
    for option in shlex.split(check)[2:]:
        assert f'"{option}"' in script, option  # an option the script's parser knows


def test_uploads_one_archive_per_system() -> None:
    steps, *_ = steps_and_matrix()
    archive = next(s["run"] for s in steps if s.get("name") == "Archive the bundle")
    for system in ("Linux", "Windows", "macOS"):
        assert re.search(rf"^\s*{system}\)\s.*headway-journal-{system.lower()}\.", archive, re.M)
    assert '"dist/Headway Journal.app"' in archive  # the BUNDLE name in the spec
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["path"] == "headway-journal-*.*"
    assert upload["if-no-files-found"] == "error"


def test_subset_reader_agrees_with_pyyaml_when_present() -> None:
    try:
        import yaml  # noqa: F401
    except ImportError:
        text = WORKFLOW.read_text(encoding="utf-8")
        steps, matrix, _, _ = read_subset(text)
        assert len(steps) == text.count("\n      - ")
        assert len(matrix) == 3
        return
    text = WORKFLOW.read_text(encoding="utf-8")
    assert read_subset(text) == steps_and_matrix()
