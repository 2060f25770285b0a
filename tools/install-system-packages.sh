#!/usr/bin/env bash
# The Debian/Ubuntu packages the kiosk's tests need beyond Python's: a virtual
# X screen and real input events for the real-window tests (xvfb, xdotool),
# the libraries Qt's xcb platform loads, cage with xwayland and grim (the kiosk
# session's compositor, headless, and its screenshots), xinit (the X11 session's unit is
# verified against it), weston (headless: the Wayland client test),
# minisign (bundle signatures are checked against it), rsync, promtool and node_exporter
# (the fleet recipes run against them), systemd (a user manager supervises the kiosk's unit),
# speech-dispatcher with espeak-ng (audio mode's real voice).
# Installs only what is missing;
# uses sudo when not run as root. The README's test command runs this first.
set -euo pipefail
packages=(systemd util-linux speech-dispatcher speech-dispatcher-espeak-ng espeak-ng xvfb xdotool cage xwayland grim xinit weston minisign rsync prometheus prometheus-node-exporter libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1
          libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libegl1 libgl1)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing system packages for the tests: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
