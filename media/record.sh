#!/usr/bin/env bash
# Records the readme's screenshots from a real run: `pdrive-tui --demo` in tmux, driven with
# send-keys, the screen taken with capture-pane -e, turned into HTML by aha and into PNG by headless
# Chromium. Needs tmux, aha and chromium (Debian: apt-get install tmux aha chromium fonts-dejavu-core)
# and a built dist/ (npm run build). Usage: bash media/record.sh
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d)
trap 'tmux kill-session -t pdrive-shot 2>/dev/null || true; rm -rf "$work"' EXIT

# A home folder with ordinary things in it, for the local pane.
home="$work/home/alex"
mkdir -p "$home"/{Documents,Music,Pictures,Projects/site}
head -c 400000000 /dev/urandom >"$home/holiday-2026.mp4"
head -c 2300000 /dev/urandom >"$home/Pictures/harbour.jpg"
head -c 1800000 /dev/urandom >"$home/Pictures/sunset.jpg"
head -c 84000 /dev/urandom >"$home/Documents/taxes-2025.pdf"
head -c 5200000 /dev/urandom >"$home/Music/track01.flac"
printf '# Shopping\n- coffee\n' >"$home/notes.md"
printf 'month,amount\n2026-11,420\n' >"$home/budget.csv"

screen() { tmux capture-pane -p -t pdrive-shot; }
wait_for() { # wait_for TEXT: until the screen shows TEXT (30 s at most)
	for _ in $(seq 300); do screen | grep -qF -- "$1" && return 0; sleep 0.1; done
	echo "timed out waiting for: $1" >&2
	screen >&2
	return 1
}
keys() { tmux send-keys -t pdrive-shot "$@"; sleep 0.3; }

shot() { # shot NAME: the current screen as media/NAME.png
	tmux capture-pane -e -p -t pdrive-shot | aha --black --no-header |
		sed -e 's/color:#3333FF/color:#7aa2f7/g' -e 's/color:aqua/color:#7dcfff/g' \
			-e 's/color:lime/color:#9ece6a/g' -e 's/color:yellow/color:#e0af68/g' \
			-e 's/color:red/color:#f7768e/g' -e 's/background-color:#7dcfff/background-color:#3d59a1/g' \
			-e 's/color:black;background-color:#3d59a1/color:#ffffff;background-color:#3d59a1/g' >"$work/$1.body"
	{
		printf '<!doctype html><meta charset="utf-8"><style>body{margin:0;background:#1a1b26}'
		printf "pre{margin:0;padding:14px 16px;font:15px/1.2 'DejaVu Sans Mono',monospace;color:#c0caf5}</style><pre>"
		cat "$work/$1.body"
		printf '</pre>'
	} >"$work/$1.html"
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$work/chromium" --hide-scrollbars --window-size=1040,612 \
		--screenshot="$repo/media/$1.png" "file://$work/$1.html" >/dev/null 2>&1
	echo "media/$1.png"
}

tmux new-session -d -s pdrive-shot -x 110 -y 32 \
	"cd '$home' && HOME='$home' PDRIVE_TUI_CONFIG_DIR='$work/config' node '$repo/dist/cli.js' --demo; sleep 5"
wait_for 'Username:'
keys 'demo@example.com' Enter
keys 'correct horse'
shot login
keys Enter
wait_for 'two-factor'
code=$(screen | grep -o '2FA code: [0-9]*' | head -1 | awk '{print $3}')
keys "$code" Enter
wait_for 'README.txt'
keys j          # Music
keys F5
keys j j j j    # holiday-2026.mp4
keys F5
wait_for 'ETA'
sleep 2
shot panes
keys w          # the transfer list
wait_for 'Transfers ('
sleep 1
shot transfers
