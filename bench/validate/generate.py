#!/usr/bin/env python3
"""Write a realistic Showrunner config folder with N accounts (SPEC §2) for the `validate` benchmark.

usage: generate.py OUT_DIR N [--seed S]

OUT_DIR/accounts.d/   N account files (~25 lines each, shaped like accounts.d/cooking-daily.yaml)
OUT_DIR/pipelines/    4 pipelines (4-6 steps, every step with a retry block)
OUT_DIR/topics/       the topic lists the accounts reference

Cron expressions are 5-field and use only syntax that APScheduler's CronTrigger.from_crontab
also accepts (ranges, lists, steps, month and day names), so the Python peer (peer.py) can read the
same files. Day-of-week is always written with names, so both sides mean the same days.
Stdlib only; deterministic for a given seed.
"""
import os
import random
import sys

ZONES = [
    "UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Europe/Kyiv",
    "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Sao_Paulo",
    "America/Santiago", "America/Havana", "America/Mexico_City", "Asia/Seoul", "Asia/Tokyo", "Asia/Kathmandu",
    "Asia/Tehran", "Asia/Shanghai", "Asia/Singapore", "Australia/Sydney", "Australia/Lord_Howe",
    "Australia/Adelaide", "Pacific/Auckland", "Pacific/Apia", "Pacific/Chatham", "Africa/Cairo",
    "Africa/Johannesburg", "Atlantic/Azores", "America/St_Johns",
]

CHANNELS = [
    # type, topics stem, tag list, languages, voices
    ("cooking", "cooking", "cooking, kitchen tips, food", ["en", "en-GB", "it", "fr"], ["en-us+f3", "en-gb", "it", "fr"]),
    ("history", "history", "history, explainer, documentary", ["en", "de", "en-GB"], ["en-gb", "de", "en-us+m3"]),
    ("science", "space", "space, astronomy, science facts", ["en", "es", "pt-BR"], ["en-us+m3", "es", "pt-br"]),
    ("technology news", "tech", "technology, gadgets, ai", ["en", "ja", "ko"], ["en-us", "ja", "ko"]),
    ("travel", "travel", "travel, city guide, tips", ["en", "fr", "es-MX"], ["en-us+f2", "fr", "es-419"]),
    ("fitness", "fitness", "fitness, workout, health", ["en", "de", "nl"], ["en-us+m1", "de", "nl"]),
    ("finance", "finance", "money, investing, budgeting", ["en", "en-IN", "hi"], ["en-us", "en-in", "hi"]),
    ("nature", "nature", "nature, wildlife, animals", ["en", "sv", "fi"], ["en-gb+f4", "sv", "fi"]),
]

COLOURS = ["#e76f51", "#264653", "#14213d", "#2a9d8f", "#f4a261", "#e9c46a", "#000000", "#8338ec", "#3a86ff"]
DOW = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
MON = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
SENTENCES = [
    "Here is the short version, and it is the one that makes the biggest difference.",
    "Most people skip this step, and that is exactly why it matters.",
    "The numbers involved are so large that intuition simply gives up, so let's put this in human terms.",
    "It began with a small decision that nobody at the time thought would matter.",
    "Do it once, check the result, and you will never do it the old way again.",
    "Follow for a new idea every week.",
    "Historians still argue about why it happened when it did.",
    "Next time you see it, you will know what to look for.",
]


def cron(r: random.Random) -> str:
    """A varied 5-field expression, valid for Showrunner and for APScheduler's from_crontab."""
    m, h = r.randrange(60), r.randrange(24)
    kind = r.randrange(14)
    if kind == 0:
        return f"{m} {h} * * *"
    if kind == 1:
        return f"{m} {h} * * MON-FRI"
    if kind == 2:
        hours = sorted(r.sample(range(24), r.randint(2, 4)))
        return f"{m} {','.join(map(str, hours))} * * *"
    if kind == 3:
        return f"*/{r.choice([5, 10, 15, 20, 30])} {r.randint(6, 10)}-{r.randint(16, 22)} * * MON-FRI"
    if kind == 4:
        return f"{m} */{r.choice([2, 3, 4, 6, 8, 12])} * * *"
    if kind == 5:
        days = sorted(r.sample(DOW, r.randint(1, 3)), key=DOW.index)
        return f"{m} {h} * * {','.join(days)}"
    if kind == 6:
        return f"{m} {h} {r.randint(1, 28)} * *"
    if kind == 7:
        return f"{m} {h} 1,15 * *"
    if kind == 8:
        months = sorted(r.sample(MON, r.randint(2, 6)), key=MON.index)
        return f"{m} {h} {r.randint(1, 28)} {','.join(months)} *"
    if kind == 9:
        return f"{m} {h} * * SAT,SUN"
    if kind == 10:  # a fixed time that falls into many zones' DST gap or overlap
        return f"{r.choice([0, 15, 30, 45])} {r.choice([1, 2, 3])} * * *"
    if kind == 11:
        return f"{m} {h} */{r.choice([2, 3, 5, 7])} * *"
    if kind == 12:
        return f"{r.randint(0, 14)}-{r.randint(45, 59)}/{r.choice([10, 15])} {h} * * TUE-THU"
    return f"{m} {h}-{min(23, h + r.randint(1, 6))} * {r.choice(MON)}-DEC {r.choice(['MON', 'WED', 'FRI'])}"


def duration(r: random.Random, choices):
    return r.choice(choices)


PIPELINES = {
    "shorts": """\
# A 60-second vertical short, made offline: topic, script, voice, subtitles, video, local upload.
name: shorts
description: 60-second vertical short (1080x1920), rendered offline and saved to out/
defaults:
  retry: { attempts: 3, backoff: exponential, delay: 2s, factor: 2, max_delay: 5m, jitter: true }
  timeout: 10m
steps:
  - id: topic
    uses: topic.list
    with: { file: "{{ vars.topics_file }}", order: shuffle }
    retry: { attempts: 2, delay: 1s }
  - id: script
    uses: script.template            # needs defaults to the previous step
    with:
      title: "{{ steps.topic.title }}"
      text: "{{ steps.topic.title }}. {{ vars.script }}"
      description: "{{ steps.topic.title }} — a {{ channel.type }} short by {{ account.name }}."
      tags: "{{ vars.tags }}"
    retry: { attempts: 2, backoff: fixed, delay: 1s }
  - id: voice
    uses: tts                        # text comes from the script's `text` output
    retry: { attempts: 4, delay: 5s, max_delay: 2m, on: [transient, timeout] }
  - id: subtitles
    uses: subtitles                  # text from script, duration_s from voice
    retry: { attempts: 2, delay: 1s }
  - id: video
    uses: video
    needs: [voice, subtitles]
    with: { format: short, background: "{{ vars.colour }}" }
    timeout: 20m
    retry: { attempts: 3, backoff: exponential, delay: 10s, factor: 3, max_delay: 10m }
  - id: upload
    uses: upload.local
    needs: [video]
    with: { dir: "out/{{ account.id }}" }
    retry: { attempts: 6, delay: 30s, max_delay: 30m, on: [transient, rate_limit] }
""",
    "landscape": """\
# A landscape (1920x1080) explainer with a longer script and a thumbnail, rendered offline.
name: landscape
description: landscape explainer video (1920x1080), rendered offline and saved to out/
defaults:
  retry: { attempts: 3, delay: 5s, max_delay: 10m }
  timeout: 15m
steps:
  - id: topic
    uses: topic.list
    with: { file: "{{ vars.topics_file }}", order: sequential }
    retry: { attempts: 2, delay: 1s }
  - id: script
    uses: script.template
    with:
      title: "{{ steps.topic.title }}"
      text: "{{ vars.intro }} {{ steps.topic.title }}. {{ vars.script }} {{ vars.outro }}"
      description: "{{ steps.topic.title }}. New {{ channel.type }} episodes every week."
      tags: "{{ vars.tags }}"
    retry: { attempts: 2, backoff: fixed, delay: 2s }
  - id: voice
    uses: tts
    retry: { attempts: 4, delay: 5s, max_delay: 2m }
  - id: thumbnail
    uses: thumbnail
    needs: [script]
    optional: true
    with: { background: "{{ vars.colour }}" }
    retry: { attempts: 2, delay: 3s, jitter: false }
  - id: video
    uses: video
    needs: [voice]
    with: { format: landscape, background: "{{ vars.colour }}" }
    timeout: 30m
    retry: { attempts: 3, delay: 30s, factor: 2, max_delay: 15m, on: [transient, timeout] }
  - id: upload
    uses: upload.local
    needs: [video, thumbnail]
    with: { dir: "out/{{ account.id }}" }
    retry: { attempts: 6, delay: 30s, max_delay: 30m, on: [transient, rate_limit] }
""",
    "quick": """\
# A quick short without subtitles: topic, script, voice, video, local upload.
name: quick
description: short without subtitles, rendered offline and saved to out/
defaults:
  retry: { attempts: 2, backoff: fixed, delay: 3s }
  timeout: 8m
steps:
  - id: topic
    uses: topic.list
    with: { file: "{{ vars.topics_file }}", order: shuffle }
    retry: { attempts: 1 }
  - id: script
    uses: script.template
    with:
      title: "{{ steps.topic.title }}"
      text: "{{ vars.hook }} {{ steps.topic.title }}. {{ vars.script }}"
      tags: "{{ vars.tags }}"
    retry: { attempts: 2, delay: 1s }
  - id: voice
    uses: tts
    retry: { attempts: 3, backoff: exponential, delay: 4s, factor: 2, max_delay: 1m, on: [any] }
  - id: video
    uses: video
    with: { format: short, background: "{{ vars.colour }}" }
    retry: { attempts: 3, delay: 20s, max_delay: 5m }
  - id: upload
    uses: upload.local
    with: { dir: "out/{{ account.id }}/quick", tags: "{{ vars.tags }}" }
    retry: { attempts: 5, delay: 1m, max_delay: 20m, on: [transient, rate_limit] }
""",
    "teaser": """\
# A teaser clip kept in the work folder (no upload step): topic, script, voice, video.
name: teaser
description: a 15-second teaser clip, rendered offline
defaults:
  retry: { attempts: 3, delay: 2s }
  timeout: 5m
steps:
  - id: topic
    uses: topic.list
    with: { file: "{{ vars.topics_file }}", order: sequential }
    retry: { attempts: 2, delay: 500ms }
  - id: script
    uses: script.template
    with: { title: "{{ steps.topic.title }}", text: "{{ vars.hook }} {{ steps.topic.title }}" }
    retry: { attempts: 2, delay: 1s, jitter: false }
  - id: voice
    uses: tts
    retry: { attempts: 4, delay: 5s, max_delay: 1m, on: [transient, timeout] }
  - id: video
    uses: video
    with: { format: short, background: "{{ vars.colour }}" }
    timeout: 10m
    retry: { attempts: 3, backoff: fixed, delay: 15s }
""",
}

# Which vars each pipeline uses (every {{ vars.X }} must be defined by the account).
PIPELINE_VARS = {
    "shorts": ["topics_file", "colour", "tags", "script"],
    "landscape": ["topics_file", "colour", "tags", "intro", "script", "outro"],
    "quick": ["topics_file", "colour", "tags", "hook", "script"],
    "teaser": ["topics_file", "colour", "hook"],
}
# The step each account overrides, per pipeline.
OVERRIDE_STEP = {"shorts": "upload", "landscape": "upload", "quick": "upload", "teaser": "video"}


def account(r: random.Random, index: int) -> tuple[str, str]:
    ctype, stem, tags, languages, voices = r.choice(CHANNELS)
    lang_index = r.randrange(len(languages))
    pipeline = r.choices(list(PIPELINES), weights=[5, 3, 2, 1])[0]
    account_id = f"{stem}-{index:05d}"
    title = f"{ctype.title()} {index:05d}"
    zone = r.choice(ZONES)
    expr = cron(r)
    chosen = r.sample(SENTENCES, 4)
    script_lines = [" ".join(chosen[:2]), " ".join(chosen[2:])]
    lines = [
        f"# {title}: a {ctype} channel on the {pipeline} pipeline ({zone}).",
        f"name: {title}",
        "channel:",
        f"  type: {ctype}",
        f"  language: {languages[lang_index]}",
        "schedule:",
        f'  cron: "{expr}"',
        f"  timezone: {zone}",
        f"  jitter: {r.choice(['0', '30s', '2m', '5m', '10m', '15m', '1h'])}",
        f"  catch_up: {{ window: {r.choice(['30m', '1h', '6h', '12h', '1d'])}, "
        f"policy: {r.choice(['latest', 'all', 'none'])} }}",
        f"  overlap: {r.choice(['skip', 'queue', 'allow'])}",
        f"  pause_after_failures: {r.choice([0, 3, 5, 10])}",
        "voice:",
        "  provider: espeak",
        f"  voice: {voices[lang_index]}",
        f"  speed: {r.choice(['0.9', '0.95', '1.0', '1.05', '1.1', '1.2'])}",
        f"pipeline: {pipeline}",
        "vars:",
    ]
    values = {
        "topics_file": f"topics/{stem}.txt",
        "colour": f'"{r.choice(COLOURS)}"',
        "tags": tags,
        "intro": f"Welcome back to {title}. Today's story is",
        "outro": "If you enjoyed this episode, subscribe for a new one every week.",
        "hook": r.choice(["Did you know this?", "Wait for it.", "One minute, one idea.", "Quick one today."]),
    }
    for name in PIPELINE_VARS[pipeline]:
        if name == "script":
            lines += ["  script: >-"] + [f"    {text}" for text in script_lines]
        else:
            lines.append(f"  {name}: {values[name]}")
    step = OVERRIDE_STEP[pipeline]
    if step == "upload":
        with_line = f'    with: {{ dir: "out/{stem}/{index:05d}" }}'
    else:
        with_line = f'    with: {{ background: "{r.choice(COLOURS)}" }}'
    lines += [
        "steps:",
        f"  {step}:",
        with_line,
        f"    retry: {{ attempts: {r.randint(2, 8)}, delay: {r.choice(['5s', '30s', '1m'])}, "
        f"max_delay: {r.choice(['10m', '30m', '1h'])} }}",
    ]
    return account_id, "\n".join(lines) + "\n"


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--seed")]
    seed = 20260101
    for a in sys.argv[1:]:
        if a.startswith("--seed="):
            seed = int(a.split("=", 1)[1])
    if len(args) != 2:
        sys.exit("usage: generate.py OUT_DIR N [--seed=S]")
    out, count = args[0], int(args[1])
    r = random.Random(seed)
    for sub in ("accounts.d", "pipelines", "topics"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    for name, text in PIPELINES.items():
        with open(os.path.join(out, "pipelines", f"{name}.yaml"), "w") as f:
            f.write(text)
    for _, stem, _, _, _ in CHANNELS:
        with open(os.path.join(out, "topics", f"{stem}.txt"), "w") as f:
            f.write("".join(f"{stem.title()} topic number {i}\n" for i in range(1, 41)))
    for index in range(1, count + 1):
        account_id, text = account(r, index)
        with open(os.path.join(out, "accounts.d", f"{account_id}.yaml"), "w") as f:
            f.write(text)
    print(f"wrote {count} accounts, {len(PIPELINES)} pipelines, {len(CHANNELS)} topic lists to {out}")


if __name__ == "__main__":
    main()
