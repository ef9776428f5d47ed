"""The same 60-second short as Showrunner's `video` step, composed with MoviePy 2.x (MoneyPrinterTurbo's renderer).

Same inputs (the WAV and SRT our `tts` and `subtitles` steps wrote), same frame (1080x1920, the same dark blue
background colour), same captions (DejaVu Sans Bold 72 px, white with a 5 px black outline, wrapped to 920 px,
near 520 px from the bottom), same encoder settings (30 fps, libx264 veryfast CRF 23, yuv420p, AAC 128k, one
encoder thread, +faststart), the system ffmpeg (FFMPEG_BINARY).

    python moviepy_render.py VOICE.wav SUBTITLES.srt OUT.mp4 FONT.ttf
"""

import sys

from moviepy import AudioFileClip, ColorClip, CompositeVideoClip, TextClip
from moviepy.video.tools.subtitles import SubtitlesClip

WIDTH, HEIGHT = 1080, 1920
BOTTOM_MARGIN = 520


def main(wav: str, srt: str, out: str, font: str) -> None:
    audio = AudioFileClip(wav)
    background = ColorClip(size=(WIDTH, HEIGHT), color=(0x14, 0x21, 0x3D), duration=audio.duration)

    def caption(text: str) -> TextClip:
        return TextClip(
            font=font, text=text, font_size=72, color="white", stroke_color="black", stroke_width=5,
            method="caption", size=(WIDTH - 160, None), text_align="center")

    subtitles = SubtitlesClip(srt, make_textclip=caption, encoding="utf-8")
    subtitles = subtitles.with_position(("center", HEIGHT - BOTTOM_MARGIN - 2 * 90))
    video = CompositeVideoClip([background, subtitles], size=(WIDTH, HEIGHT))
    video = video.with_audio(audio).with_duration(audio.duration)
    video.write_videofile(
        out, fps=30, codec="libx264", preset="veryfast", threads=1, audio_codec="aac", audio_bitrate="128k",
        ffmpeg_params=["-crf", "23", "-pix_fmt", "yuv420p", "-movflags", "+faststart"], logger=None)


if __name__ == "__main__":
    main(*sys.argv[1:5])
