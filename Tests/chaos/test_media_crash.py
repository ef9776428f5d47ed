"""Scenario 4: a crash mid-render. One account renders real media (espeak-ng voice → subtitles → a landscape
ffmpeg video → upload.local); the daemon is killed with SIGKILL while ffmpeg encodes the video, and started again.
Then no ffmpeg of the killed daemon may be alive, the run must finish, and every published file must decode
without a single ffmpeg error (SPEC §10.2, §10.8; issue 12 item 2)."""

from __future__ import annotations

import subprocess
import time

from chaoslib import FIGURES, Violations, tagged_processes, wait_until

TEXT = (
    "Showrunner is rendering this video while a chaos test waits to kill it. The test looks for the encoder, "
    "lets it write part of the file, and then kills the daemon without any warning. When the daemon comes back "
    "it must finish the run, and the video it publishes must play from the first frame to the last one, with no "
    "broken frames written by two encoders at the same time. That is the whole point of this exercise.")


def pipeline_yaml(out: str) -> str:
    return (
        "name: media\n"
        "defaults:\n"
        "  retry: { attempts: 3, backoff: fixed, delay: 1s, jitter: false }\n"
        "  timeout: 5m\n"
        "steps:\n"
        "  - id: script\n"
        "    uses: script.template\n"
        f"    with: {{ title: Chaos render, text: \"{TEXT}\" }}\n"
        "  - id: voice\n"
        "    uses: tts\n"
        "  - id: subtitles\n"
        "    uses: subtitles\n"
        "  - id: video\n"
        "    uses: video\n"
        "    needs: [voice, subtitles]\n"
        "    with: { format: landscape, background: \"#204060\" }\n"
        "  - id: upload\n"
        "    uses: upload.local\n"
        f"    with: {{ dir: \"{out}\" }}\n")


ACCOUNT = (
    "name: Media\nchannel:\n  type: chaos\nschedule:\n  cron: \"0 0 1 1 *\"\n  timezone: UTC\n"
    "voice:\n  provider: espeak\n  voice: en-us\npipeline: media\n")


def decode_errors(path) -> str:
    result = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-f", "null", "-"],
                            capture_output=True, text=True, timeout=120)
    return (result.stderr + (f"\nexit {result.returncode}" if result.returncode else "")).strip()


def test_media_crash(chaos):
    config, state, out = chaos.root / "config", chaos.root / "state", chaos.root / "out"
    (config / "accounts.d").mkdir(parents=True)
    (config / "pipelines").mkdir()
    state.mkdir()
    (config / "pipelines" / "media.yaml").write_text(pipeline_yaml(str(out)))
    (config / "accounts.d" / "media.yaml").write_text(ACCOUNT)
    (config / "showrunner.yaml").write_text("shutdown_grace: 5s\n")
    violations = Violations()

    daemon = chaos.daemon(config, state).start()
    status, body = daemon.call("POST", "/api/scheduler/trigger/media")
    assert status == 202, f"trigger: {status} {body}"
    run_id = body["run_id"]

    def encoder():
        return [p for p in tagged_processes(chaos.tag, chaos.root)
                if p.name == "ffmpeg" and p.ppid != 1 and "/video" in (p.cwd + " " + p.cmdline)]

    found = wait_until(encoder, 120, 0.05)
    found_at = time.time()
    assert found, f"no ffmpeg of the video step appeared: {daemon.tail()}"
    time.sleep(1.0)  # let it write part of the file
    still = encoder()
    killed_at = daemon.kill9()
    time.sleep(0.3)
    orphans = [p for p in tagged_processes(chaos.tag, chaos.root) if p.name in ("ffmpeg", "ffprobe")]
    for orphan in orphans:
        violations.add("no ffmpeg outlives the killed daemon",
                       f"pid {orphan.pid} (ppid {orphan.ppid}) {orphan.cmdline[:140]}")
    if not still:
        FIGURES.notes.append("media crash: ffmpeg had finished before the kill; the crash hit after the encode")

    daemon = chaos.daemon(config, state).start()
    def finished():
        status, body = daemon.call("GET", f"/api/runs/{run_id}")
        run = body.get("run", {}) if status == 200 and isinstance(body, dict) else {}
        return run if run.get("status") in ("succeeded", "failed", "cancelled") else None

    final = wait_until(finished, 180, 0.5)
    if not final:
        violations.add("the interrupted run finishes after the restart (180 s)",
                       str(daemon.call("GET", f"/api/runs/{run_id}")[1])[:300])
    elif final.get("status") != "succeeded":
        violations.add("the interrupted run succeeds after the restart",
                       f"{final.get('status')}: {final.get('reason')}")
    # Whatever the killed daemon's encoder was doing has had its chance to touch the files by now.
    for orphan in orphans:
        wait_until(lambda: not any(p.pid == orphan.pid for p in tagged_processes(chaos.tag, chaos.root)), 60, 0.5)
    published = sorted(p for p in out.rglob("*") if p.is_file() and p.suffix.lower() != ".json") \
        if out.exists() else []
    if not published:
        violations.add("the run publishes its video", f"nothing in {out}")
    for path in published:
        errors = decode_errors(path)
        if errors:
            first = errors.splitlines()
            violations.add("every published file decodes without an error",
                           f"{path.name}: {len(first)} error lines, first: {first[0][:120]}")
    status = daemon.terminate(timeout=30)
    if status != 0:
        violations.add("SIGTERM: clean exit 0", f"exit {status}")
    for orphan in tagged_processes(chaos.tag, chaos.root):
        violations.add("no child process outlives the daemon (end)", f"pid {orphan.pid}: {orphan.cmdline[:120]}")

    FIGURES.rounds += 1
    FIGURES.runs += 1
    FIGURES.files += len(published)
    FIGURES.violations += violations.count
    FIGURES.notes.append(
        f"media crash: killed {killed_at - found_at:.1f}s into the video encode, "
        f"{len(orphans)} ffmpeg orphan(s), "
        f"{len(published)} published file(s), {violations.count} violations")
    print(violations.report())
    assert violations.count == 0, violations.report()
