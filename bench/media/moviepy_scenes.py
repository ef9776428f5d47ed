"""The scenes short (issue 14) composed with MoviePy 2.x, the way MoneyPrinterTurbo builds its videos.

Same inputs as Showrunner's render: the WAV and SRT our `tts` and `subtitles` steps wrote, and the scenes and
music track our `video` step chose (read from MediaBench's JSON report). Each scene is its clip (looped, scaled
and cropped to fill) or still (a slow zoom), starting half a crossfade before its cut with a 0.3 s
`CrossFadeIn`; the same captions as moviepy_render.py; the music looped, faded in and out and mixed at a fixed
level (MoviePy has no sidechain ducking or loudness normalisation; MoneyPrinterTurbo sets a fixed volume too).
Same encoder settings as ours (30 fps, libx264 veryfast CRF 23, yuv420p, one thread, AAC, +faststart).

    python moviepy_scenes.py REPORT.json OUT.mp4 FONT.ttf
"""

import json
import sys

from moviepy import (AudioFileClip, CompositeAudioClip, CompositeVideoClip, ImageClip, TextClip, VideoFileClip,
                     afx, vfx)
from moviepy.video.tools.subtitles import SubtitlesClip

WIDTH, HEIGHT = 1080, 1920
BOTTOM_MARGIN = 520
FADE = 0.3
ZOOM = 0.12


def fill(clip):
    scale = max(WIDTH / clip.w, HEIGHT / clip.h)
    clip = clip.resized(scale)
    return clip.cropped(x_center=clip.w / 2, y_center=clip.h / 2, width=WIDTH, height=HEIGHT)


def scene(source: str, length: float):
    if source.lower().endswith((".png", ".jpg", ".jpeg", ".webp", ".bmp")):
        still = fill(ImageClip(source)).with_duration(length)
        zoomed = still.resized(lambda t: 1 + ZOOM * t / length)
        return CompositeVideoClip([zoomed.with_position("center")], size=(WIDTH, HEIGHT)).with_duration(length)
    clip = VideoFileClip(source, audio=False)
    return fill(clip.with_effects([vfx.Loop(duration=length)])).with_duration(length)


def main(report_path: str, out: str, font: str) -> None:
    report = json.load(open(report_path))
    audio = AudioFileClip(report["audio"])
    total = audio.duration
    scenes = report["scenes"]
    layers = []
    for index, item in enumerate(scenes):
        before = FADE / 2 if index > 0 else 0
        after = FADE / 2 if index < len(scenes) - 1 else 0
        clip = scene(item["source"], item["end"] - item["start"] + before + after).with_start(item["start"] - before)
        if index > 0:
            clip = clip.with_effects([vfx.CrossFadeIn(FADE)])
        layers.append(clip)

    def caption(text: str) -> TextClip:
        return TextClip(
            font=font, text=text, font_size=72, color="white", stroke_color="black", stroke_width=5,
            method="caption", size=(WIDTH - 160, None), text_align="center")

    subtitles = SubtitlesClip(report["srt"], make_textclip=caption, encoding="utf-8")
    layers.append(subtitles.with_position(("center", HEIGHT - BOTTOM_MARGIN - 2 * 90)))
    video = CompositeVideoClip(layers, size=(WIDTH, HEIGHT)).with_duration(total)
    sound = audio
    if report.get("music"):
        music = AudioFileClip(report["music"]).with_effects(
            [afx.AudioLoop(duration=total), afx.MultiplyVolume(0.16), afx.AudioFadeIn(1.5), afx.AudioFadeOut(2.5)])
        sound = CompositeAudioClip([audio, music])
    video = video.with_audio(sound)
    video.write_videofile(
        out, fps=30, codec="libx264", preset="veryfast", threads=1, audio_codec="aac", audio_bitrate="160k",
        ffmpeg_params=["-crf", "23", "-pix_fmt", "yuv420p", "-movflags", "+faststart"], logger=None)


if __name__ == "__main__":
    main(*sys.argv[1:4])
