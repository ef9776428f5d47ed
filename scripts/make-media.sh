#!/usr/bin/env bash
# Generates the example media library and music beds with ffmpeg's own sources (no downloads, nothing committed):
#   media/example/library/  short clips (mandelbrot, life, cellauto, gradients, testsrc2) and drawn stills, each
#                           with a sidecar .txt of tags that scenes are matched by
#   media/example/music/    two synthesised chord beds (AAC)
# Idempotent: files that exist are kept. FORCE=1 makes them again. Takes about a minute on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
library=media/example/library
music=media/example/music
mkdir -p "$library" "$music"
ff() { ffmpeg -v error -nostdin -y "$@"; }
fresh() { [ "${FORCE:-0}" = 1 ] || [ ! -s "$1" ]; }
tags() { printf 'tags: [%s]\n' "$2" >"$library/$1.txt"; }

# Clips: 6 seconds, 720x1280 (scaled to the frame when rendered), H.264 without sound.
clip() {
    local name=$1 source=$2 words=$3
    tags "$name" "$words"
    fresh "$library/$name.mp4" || return 0
    echo "making $library/$name.mp4"
    ff -f lavfi -i "$source" -t 6 -vf "scale=720:1280:force_original_aspect_ratio=increase,crop=720:1280,fps=30,format=yuv420p" \
        -c:v libx264 -preset veryfast -crf 26 -an "$library/$name.mp4"
}
clip galaxy-zoom "mandelbrot=s=360x640:rate=30:start_scale=2:end_scale=0.3:inner=period" "galaxy, space, spiral, universe, deep"
clip cells-life "life=s=180x320:rate=30:mold=10:ratio=0.1:death_color=#0b132b:life_color=#5bc0be,scale=720:1280:flags=neighbor" "life, cells, biology, growth, planet"
clip stars-pattern "cellauto=s=180x320:rate=30:rule=110,negate,scale=720:1280:flags=neighbor" "stars, night, sky, pattern, computer"
clip nebula-glow "gradients=s=360x640:rate=30:speed=0.03:n=6:c0=0x3a0ca3:c1=0xf72585:c2=0x4cc9f0:c3=0x7209b7:c4=0x560bad:c5=0x4361ee" "nebula, cloud, colour, light, sunset"
clip signal-test "testsrc2=s=360x640:rate=30" "signal, television, technology, test, broadcast, news"
clip warm-kitchen "gradients=s=360x640:rate=30:speed=0.02:n=3:c0=0xe76f51:c1=0xf4a261:c2=0xe9c46a" "kitchen, cooking, food, warm, heat, taste"

# Stills: 1080x1920 PNGs drawn with geq and gradients.
still() {
    local name=$1 words=$2
    shift 2
    tags "$name" "$words"
    fresh "$library/$name.png" || return 0
    echo "making $library/$name.png"
    ff "$@" -frames:v 1 "$library/$name.png"
}
still planet "planet, world, orbit, earth, round" -f lavfi -i "color=black:s=1080x1920" -vf \
    "geq=r='if(lt(hypot(X-540,Y-900),420),60+150*(1-hypot(X-380,Y-760)/700),8)':g='if(lt(hypot(X-540,Y-900),420),90+120*(1-hypot(X-380,Y-760)/700),8)':b='if(lt(hypot(X-540,Y-900),420),160+90*(1-hypot(X-380,Y-760)/700),20)'"
still moon "moon, crater, night, grey, lunar" -f lavfi -i "color=0x050510:s=1080x1920" -vf \
    "geq=lum='if(lt(hypot(X-540,Y-960),380),150+60*sin(X/37)*sin(Y/53)-40*hypot(X-540,Y-960)/380,12)':cb=128:cr=128"
still sunrise "sunrise, morning, horizon, sun, sky" -f lavfi -i \
    "gradients=s=1080x1920:c0=0x0b132b:c1=0xff9e00:x0=540:y0=0:x1=540:y1=1920:n=2:speed=0.00001" -vf "drawbox=x=0:y=1500:w=1080:h=420:color=0x1b1b1b:t=fill"
still old-map "history, map, paper, old, ancient, empire" -f lavfi -i "color=0xc8a878:s=1080x1920" -vf \
    "noise=alls=40:allf=u,geq=r='r(X,Y)*(0.85+0.15*sin(X/90)*sin(Y/70))':g='g(X,Y)*(0.85+0.15*sin(X/90)*sin(Y/70))':b='b(X,Y)*0.8'"
still ocean-waves "ocean, sea, water, waves, blue" -f lavfi -i "color=0x023e8a:s=1080x1920" -vf \
    "geq=r='20+20*sin(Y/25+5*sin(X/140))':g='90+50*sin(Y/25+5*sin(X/140))':b='160+60*sin(Y/25+5*sin(X/140))'"
still chopping-board "kitchen, cooking, recipe, board, table, food" -f lavfi -i "color=0x8d5524:s=1080x1920" -vf \
    "geq=r='140+40*sin(X/9+3*sin(Y/200))':g='85+25*sin(X/9+3*sin(Y/200))':b='36+10*sin(X/9+3*sin(Y/200))'"

# Music: 16 chords of 4 seconds (a 64-second loop), soft pads with a bass note, AAC 128k.
chord() { # frequencies → an aevalsrc expression with a slow swell
    local sum="" f
    for f in "$@"; do sum+="+sin(2*PI*$f*t)+0.3*sin(4*PI*$f*t)"; done
    echo "0.09*(1-exp(-3*t))*(0.7+0.3*cos(PI*t/4))*(${sum#+})"
}
bed() {
    local name=$1
    shift
    fresh "$music/$name.m4a" || return 0
    echo "making $music/$name.m4a"
    local inputs=() chain="" index=0 chordset
    for repeat in 1 2 3 4; do
        for chordset in "$@"; do
            inputs+=(-f lavfi -t 4 -i "aevalsrc='$(chord $chordset)':s=44100")
            chain+="[$index:a]"
            index=$((index + 1))
        done
    done
    ff "${inputs[@]}" -filter_complex "${chain}concat=n=$index:v=0:a=1,lowpass=f=2500,aecho=0.8:0.7:60:0.25,afade=t=in:d=1" \
        -ac 2 -c:a aac -b:a 128k "$music/$name.m4a"
}
bed calm-orbit "130.81 261.63 329.63 392.00" "110.00 220.00 261.63 329.63" "87.31 174.61 220.00 261.63" "98.00 196.00 246.94 293.66"
bed slow-drift "146.83 293.66 349.23 440.00" "116.54 233.08 293.66 349.23" "87.31 174.61 220.00 261.63" "130.81 261.63 329.63 392.00"
echo "example media ready in media/example/"
