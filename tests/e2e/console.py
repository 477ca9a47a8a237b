"""The console's browser harness, shared by every browser test: the real stack with the first day of
eval-dev analysed (worker + analyzer), the API under uvicorn, Debian's Chromium, one ``Console``
per signed-in user, and screenshots at 1280 px and 768 px (to ``$JIANCHA_SCREENSHOTS`` or the
test's temporary folder).

The fixtures are re-exported by ``tests/e2e/conftest.py``; a new browser test only writes its story.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from analyzers.batch import analyze_file
from jiancha.elastic.client import sync_client
from jiancha.elastic.indices import ensure_indices
from jiancha.settings import Settings
from streams.directory.roster import entries_from_file
from streams.directory.store import seed as seed_directory
from streams.ingest import ingest_file
from streams.publisher import Publisher
from tests.conftest import start_process, stop_process, wait_for
from tests.integration.review_fixtures import ACCOUNTS, create_accounts

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CASE_ID = "C-ACT-005701"  # REC-005702: "罚款两百，现金给我就行，票就不开了。" at 12.4 s
FLAGGED_SECOND = 12.4
EVENT_WEEK = "2026-W14"
WIDTHS = {"1280": (1280, 900), "768": (768, 1024)}

try:
    from playwright import sync_api
except ImportError:  # pragma: no cover - the setup installs it
    sync_api = None


def require_browser() -> None:
    """Skip a browser test where Playwright or Debian's Chromium is missing."""
    if sync_api is None:
        pytest.skip("playwright is not installed (make setup)")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (scripts/install-system-deps.sh)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def console_settings(settings: Settings, eval_dev: Path, tmp_path: Path) -> Settings:
    update = {"media_root": eval_dev, "data_dir": tmp_path / "data", "order_apply_timeout_s": 90}
    return settings.model_copy(update=update)


def first_day(eval_dev: Path, where: Path, extra: list[str] | None = None) -> Path:
    """The first day's events of eval-dev (REC-005702 among them), after ``extra`` event lines."""
    lines = (eval_dev / "events.jsonl").read_text(encoding="utf-8").splitlines()[:600]
    subset = where / "subset.jsonl"
    subset.write_text("\n".join([*(extra or []), *lines]) + "\n", encoding="utf-8")
    return subset


class Workers:
    """The stack's worker processes by command; a test may stop one (the worker down) and start
    it again."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.procs = {name: start_process(settings, name) for name in ("worker", "analyzer")}

    def stop(self, name: str) -> None:
        stop_process(self.procs[name])

    def start(self, name: str) -> None:
        self.procs[name] = start_process(self.settings, name)

    def running(self) -> list[subprocess.Popen[bytes]]:
        return list(self.procs.values())


@contextmanager
def analysed(s: Settings, events: Path, eval_dev: Path) -> Iterator[Workers]:
    """Worker and analyzer over ``events``, until every case the batch run finds is indexed;
    the directory seeded from the whole of eval-dev."""
    es = sync_client(s)
    aliases = ensure_indices(es, s)  # before any write, so no index takes an alias's name
    workers = Workers(s)
    procs = workers.running()
    try:
        with Publisher(s) as publisher:
            ingest_file(events, publisher)
        create_accounts(s)
        with open(eval_dev / "events.jsonl", "rb") as whole:  # names for every page (issue 16)
            seed_directory(s, es, aliases["directory"], entries_from_file(whole, datetime.now(UTC)))
        try:
            flags, _ = analyze_file(events)  # the batch run: which cases the stream must build
            expected = {f.case_id for f in flags if not f.withdrawn}
            assert CASE_ID in expected

            def cases_indexed() -> bool:
                assert all(p.poll() is None for p in procs), "a worker exited"
                es.indices.refresh(index=f"{s.index_prefix}-*")
                found = es.search(index=f"{s.index_prefix}-cases", size=100, source=False)
                clip = es.options(ignore_status=404).get(
                    index=f"{s.index_prefix}-clips", id="REC-005702"
                )
                ids = {h["_id"] for h in found["hits"]["hits"]}
                return expected <= ids and bool(clip.get("found"))

            wait_for(cases_indexed, timeout_s=180, what="every case and the clip indexed")
        finally:
            es.close()
        yield workers
    finally:
        for p in workers.running():
            p.terminate()
        for p in workers.running():
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


@contextmanager
def serving(settings: Settings) -> Iterator[str]:
    """The API (which serves the console) under uvicorn in a thread; yields its base URL."""
    import uvicorn

    from api.main import create_app

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_for(lambda: server.started, timeout_s=60, what="uvicorn started")
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=15)


@pytest.fixture
def stack_with_cases(
    console_settings: Settings, eval_dev: Path, tmp_path: Path
) -> Iterator[Workers]:
    """Worker and analyzer over the first day's events of eval-dev (REC-005702 among them)."""
    with analysed(console_settings, first_day(eval_dev, tmp_path), eval_dev) as workers:
        yield workers


@pytest.fixture
def base_url(console_settings: Settings, stack_with_cases: Workers) -> Iterator[str]:
    """The API (which serves the console) under uvicorn in a thread."""
    with serving(console_settings) as url:
        yield url


@pytest.fixture
def browser() -> Iterator[Any]:
    require_browser()
    sync_api.expect.set_options(timeout=20_000)  # 2 shared cores: the first Kafka send is slow
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--autoplay-policy=no-user-gesture-required", "--lang=zh-CN"],
        )
        yield b
        b.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    where = Path(os.environ.get("JIANCHA_SCREENSHOTS") or tmp_path / "shots")
    where.mkdir(parents=True, exist_ok=True)
    return where


def shoot(page: Any, shots: Path, name: str) -> None:
    """Full-page screenshots at both widths, back at 1280 px after."""
    page.evaluate("document.getElementById('toast').textContent = ''")
    for label, (w, h) in reversed(WIDTHS.items()):
        page.set_viewport_size({"width": w, "height": h})
        page.wait_for_timeout(300)  # charts resize
        page.screenshot(path=shots / f"console-{name}-{label}.png", full_page=True)


class Console:
    """One user's browser tab on the console."""

    def __init__(
        self,
        browser: Any,
        base_url: str,
        username: str,
        shots: Path,
        clock: datetime | None = None,
    ) -> None:
        self.context = browser.new_context(
            viewport={"width": 1280, "height": 900}, locale="zh-CN", accept_downloads=True
        )
        self.page = self.context.new_page()
        if clock is not None:
            self.page.clock.install(time=clock)  # the browser's "now", for deadlines
        self.page.set_default_timeout(30_000)
        self.errors: list[str] = []
        self.dialogs: list[str] = []  # every confirmation asked, accepted (tests read the words)
        self.context.on("dialog", self._confirm)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", self._policy_violation)
        self.base_url = base_url
        self.shots = shots
        self.username = username
        self.page.goto(base_url + "/")
        self.sign_in()

    def sign_in(self) -> None:
        """Fill the sign-in form this tab shows and wait until signed in."""
        self.page.get_by_label("用户名").fill(self.username)
        self.page.get_by_label("密码").fill(ACCOUNTS[self.username].password)
        self.page.get_by_role("button", name="登录").click()
        sync_api.expect(self.page.locator("#who")).not_to_be_empty()

    def _confirm(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.accept()

    def _policy_violation(self, message: Any) -> None:
        """The console runs under the API's Content-Security-Policy: nothing it needs is refused."""
        if "Content Security Policy" in message.text:
            self.errors.append(message.text)

    def go(self, hash_: str) -> None:
        url = f"{self.base_url}/console/#{hash_}"
        if self.page.url == url:
            self.page.reload()  # the same hash fires no hashchange
        else:
            self.page.goto(url)
        self.page.wait_for_function(
            "h => decodeURIComponent(document.getElementById('view').dataset.rendered) === h",
            arg=f"#{hash_}",
        )
        self.settled()

    def settled(self) -> None:
        # Predicates are functions, evaluated once: the page's CSP forbids evaluating strings.
        self.page.wait_for_function(
            "() => !document.querySelector('#view .loading')", timeout=60_000
        )

    def shoot(self, name: str) -> None:
        shoot(self.page, self.shots, name)

    def close(self) -> None:
        """Close the tab, asserting the page threw nothing and the CSP refused nothing."""
        assert self.errors == [], self.errors
        self.context.close()

    def kpi(self, key: str) -> int:
        return int(self.page.locator(f'[data-kpi="{key}"] .v').inner_text())

    def overview(self, week: str) -> dict[str, int]:
        self.go(f"/overview?week={week}")
        sync_api.expect(self.page.locator("#chart-class, #stats .empty").first).to_be_visible()
        keys = ["confirmed", "pending", "cases", "orders-issued", "orders-accepted"]
        return {k: self.kpi(k) for k in keys}
