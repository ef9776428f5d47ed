"""The dashboard in a real browser (Debian chromium), against the real daemon on the shipped example config."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import OUTPUT, TOKEN, XSS_NAME

RUN_TIMEOUT = 300  # a real render (espeak-ng + ffmpeg) on a busy machine


def wait(driver, condition, timeout=20, message=""):
    """Polls `condition`; a live region swapped while it was read is just read again."""
    ignored = (NoSuchElementException, StaleElementReferenceException)
    return WebDriverWait(driver, timeout, poll_frequency=0.1, ignored_exceptions=ignored).until(condition, message)


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def open_page(driver, daemon, path, shot):
    driver.get(daemon.base + path)
    wait(driver, lambda d: d.execute_script("return document.readyState") == "complete")
    wait(driver, lambda d: d.find_element(By.ID, "live").text == "live", message="the event stream did not connect")
    driver.save_screenshot(str(OUTPUT / f"{shot}.png"))
    errors = console_errors(driver)
    assert errors == [], f"{path}: console errors {errors}"


@pytest.fixture(scope="module")
def signed_in(browser, daemon):
    browser.get(daemon.base + "/channels")
    browser.find_element(By.ID, "token").send_keys(TOKEN)
    browser.find_element(By.ID, "signin").click()
    wait(browser, lambda d: d.current_url.endswith("/channels"))
    browser.get_log("browser")  # the sign-in page itself came with a 401
    return browser


def test_without_the_token_every_page_and_route_but_health_is_refused(daemon):
    for path in ["/", "/channels", "/runs", "/config", "/upcoming", "/assets/dashboard.js", "/api/runs",
                 "/api/events", "/api/accounts", "/nowhere"]:
        status, body = daemon.request("GET", path, token=None)
        assert status == 401, path
        assert "quick-demo" not in body, path
    assert daemon.request("POST", "/ui/channels/quick-demo/run", token=None)[0] == 401
    assert daemon.request("POST", "/api/scheduler/trigger/quick-demo", token=None)[0] == 401
    assert daemon.request("GET", "/healthz", token=None)[0] == 200


def test_every_page_loads_without_console_errors(signed_in, daemon):
    for path, shot in [("/channels", "channels"), ("/runs", "runs"), ("/config", "config"),
                       ("/upcoming", "upcoming"), ("/upcoming?hours=168", "upcoming-week"), ("/quota", "quota"),
                       ("/stats", "stats"), ("/stats?days=90", "stats-90")]:
        open_page(signed_in, daemon, path, shot)


def test_upcoming_quota_and_statistics_show_their_figures(signed_in, daemon):
    open_page(signed_in, daemon, "/upcoming?hours=168", "upcoming-week")
    status, body = daemon.request("GET", "/api/upcoming?hours=168")
    assert status == 200, body
    plan = json.loads(body)
    assert signed_in.find_elements(By.CSS_SELECTOR, "#upcoming-timeline svg")
    dots = signed_in.find_elements(By.CSS_SELECTOR, "#upcoming-timeline svg circle")
    shown = {fire["account_id"] for fire in plan["fires"]}
    assert abs(len(dots) - len(plan["fires"])) <= 1 or len(shown) > 40  # a fire may start between the two reads
    assert f"of {plan['channels']} scheduled" in signed_in.find_element(
        By.ID, "upcoming-summary").text
    open_page(signed_in, daemon, "/quota", "quota")
    assert "Pacific time" in signed_in.find_element(By.ID, "quota-reset").text
    open_page(signed_in, daemon, "/stats?days=7", "stats")
    for chart in ("chart-runs", "chart-steps", "chart-uploads"):
        assert signed_in.find_elements(By.CSS_SELECTOR, f"#{chart} svg"), chart
    rate = signed_in.find_element(By.ID, "success-rate").text
    report = json.loads(daemon.request("GET", "/api/stats?days=7")[1])
    if report["success_rate"] is None:
        assert rate == "—"
    else:
        assert rate == f"{round(report['success_rate'] * 100, 1):g} %"


def test_the_xss_channel_name_renders_as_text(signed_in, daemon):
    open_page(signed_in, daemon, "/channels?q=xss", "channels-xss")
    link = signed_in.find_element(By.CSS_SELECTOR, "#channel-xss td a")
    assert link.text == XSS_NAME
    assert signed_in.execute_script("return document.querySelectorAll('main script').length") == 0


def test_run_now_shows_the_run_appear_and_finish_live(signed_in, daemon):
    open_page(signed_in, daemon, "/channels?q=quick-demo", "channels-before-run")
    signed_in.execute_script("window.__notReloaded = true")
    row = "#channel-quick-demo"
    signed_in.find_element(By.CSS_SELECTOR, f"{row} form[action$='/run'] button").click()
    wait(signed_in, lambda d: d.find_element(By.CSS_SELECTOR, f"{row} .last-status").text in
         ("queued", "running", "succeeded"), message="the run did not appear")
    wait(signed_in, lambda d: d.find_element(By.CSS_SELECTOR, f"{row} .last-status").text == "succeeded",
         timeout=RUN_TIMEOUT, message="the run did not finish live")
    assert signed_in.execute_script("return window.__notReloaded === true"), "the page was reloaded"
    signed_in.save_screenshot(str(OUTPUT / "channels-after-run.png"))


def test_the_runs_page_shows_a_new_run_live_and_its_detail_plays_the_video(signed_in, daemon):
    open_page(signed_in, daemon, "/runs?account=quick-demo", "runs-before")
    signed_in.execute_script("window.__notReloaded = true")
    before = len(signed_in.find_elements(By.CSS_SELECTOR, "#runs-body tr[data-status]"))
    status, body = daemon.request("POST", "/api/scheduler/trigger/quick-demo")
    assert status == 202, body
    wait(signed_in, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#runs-body tr[data-status]")) == before + 1,
         message="the new run did not appear")
    newest = "#runs-body tr[data-status]:first-child"
    wait(signed_in, lambda d: d.find_element(By.CSS_SELECTOR, newest).get_attribute("data-status") == "succeeded",
         timeout=RUN_TIMEOUT, message="the run did not finish live")
    assert signed_in.execute_script("return window.__notReloaded === true")
    signed_in.save_screenshot(str(OUTPUT / "runs-after.png"))
    signed_in.find_element(By.CSS_SELECTOR, f"{newest} td a").click()
    wait(signed_in, lambda d: d.find_elements(By.ID, "step-graph"))
    wait(signed_in, lambda d: d.execute_script(
        "var i = document.getElementById('thumbnail'); return !!i && i.complete && i.naturalWidth > 0"),
        message="the thumbnail did not load")
    wait(signed_in, lambda d: d.execute_script(
        "var v = document.getElementById('video'); return !!v && v.readyState >= 2"),
        timeout=30, message="the video did not reach readyState 2")
    signed_in.save_screenshot(str(OUTPUT / "run-detail.png"))
    signed_in.execute_script("document.getElementById('video').scrollIntoView()")
    signed_in.save_screenshot(str(OUTPUT / "run-detail-artifacts.png"))
    assert console_errors(signed_in) == []


def test_pause_shows_the_badge(signed_in, daemon):
    open_page(signed_in, daemon, "/channels?q=cooking-daily", "channels-before-pause")
    row = "#channel-cooking-daily"
    signed_in.find_element(By.CSS_SELECTOR, f"{row} form[action$='/pause'] button").click()
    wait(signed_in, lambda d: d.find_elements(By.CSS_SELECTOR, f"{row} .badge.paused"), message="no paused badge")
    signed_in.save_screenshot(str(OUTPUT / "channels-paused.png"))
    open_page(signed_in, daemon, "/channels", "channels-overview")


def test_a_broken_account_file_shows_its_diagnostic_on_the_config_page(signed_in, daemon):
    open_page(signed_in, daemon, "/config", "config-before")
    account = Path(daemon.config) / "accounts.d" / "history-weekly.yaml"
    text = account.read_text()
    assert "cron:" in text
    broken = "\n".join(
        '  cron: "0 99 * * *"' if line.strip().startswith("cron:") else line for line in text.splitlines()) + "\n"
    started = time.monotonic()
    account.write_text(broken)
    wait(signed_in, lambda d: "history-weekly.yaml" in d.find_element(By.ID, "diagnostics").text, timeout=10,
         message="the diagnostic did not appear")
    elapsed = time.monotonic() - started
    signed_in.save_screenshot(str(OUTPUT / "config-broken.png"))
    assert elapsed < 2.0, f"the diagnostic took {elapsed:.2f} s"
    account.write_text(text)
