"""Headless Chromium for the map tests and benchmarks (Debian's chromium + chromedriver).

``headless_chromium()`` yields a selenium driver with a fresh profile, no
background networking, and the browser console and performance (network) logs
switched on. ``missing_reason()`` says why the browser cannot run, for skips.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
LOCAL_SCHEMES = {"file", "data", "about", "blob", "chrome-error"}
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-dev-shm-usage",
]


def missing_reason() -> str | None:
    """None when the browser tests can run, else why not."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists():
            return f"{path} is missing (Debian: apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    return None


@contextmanager
def headless_chromium(width: int = 1400, height: int = 900) -> Iterator:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="peergraph-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        driver.set_window_size(width, height)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_map(driver, path: Path, timeout: float = 60.0, fragment: str | None = None) -> None:
    """Load a map file and wait until it reports itself drawn and interactive.

    The logs are drained first, so that what they hold afterwards is this page's."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("performance")
    driver.get_log("browser")
    driver.get(path.resolve().as_uri() + (f"#{fragment}" if fragment else ""))
    WebDriverWait(driver, timeout, poll_frequency=0.05).until(
        lambda d: d.execute_script("return !!(window.peergraph && window.peergraph.ready)")
    )


def console_errors(driver) -> list[str]:
    """Browser console entries at SEVERE level since the last call."""
    return [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def requested_urls(driver) -> list[str]:
    """Every URL the page asked for: the network log plus the resource timings."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    urls += driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (r) { return r.name; })"
    )
    return urls


def non_local(urls: list[str]) -> list[str]:
    return [u for u in urls if urlparse(u).scheme not in LOCAL_SCHEMES]
