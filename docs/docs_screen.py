"""The screen the docs scripts render on: Qt's offscreen platform as a 1440x900 laptop screen
(windows fit the screen as they would there). Call before Qt is imported; a platform chosen
in QT_QPA_PLATFORM (e.g. xcb under Xvfb) is kept."""

from __future__ import annotations

import json
import os
import tempfile


def use_docs_screen() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.environ["QT_QPA_PLATFORM"] != "offscreen":
        return
    config = os.path.join(tempfile.mkdtemp(prefix="hj-screen-"), "screen.json")
    with open(config, "w", encoding="utf-8") as fh:
        json.dump({"screens": [{"name": "docs", "x": 0, "y": 0, "width": 1440, "height": 900,
                                "logicalDpi": 96}]}, fh)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
