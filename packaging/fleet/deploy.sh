#!/usr/bin/env bash
# Installs or upgrades the kiosk package and its settings on many kiosk PCs, over ssh.
#
#   packaging/fleet/deploy.sh exhibit-kiosk_0.1.0~debian12_amd64.deb kiosk.yaml kiosk-1 kiosk-2 ...
#   packaging/fleet/deploy.sh PACKAGE.deb kiosk.yaml $(cat kiosks.txt)
#
# Each host needs ssh access as a user allowed to sudo. The settings are
# checked here first (when `kiosk` is installed on this machine). One host
# failing does not stop the others; the hosts that failed are listed at the
# end and the exit status is 1. KIOSK_SSH and KIOSK_SCP replace ssh and scp
# (for example `ssh -o BatchMode=yes`).
set -u
ssh=(${KIOSK_SSH:-ssh})
scp=(${KIOSK_SCP:-scp})

if [ $# -lt 3 ] || [ ! -f "$1" ] || [ ! -f "$2" ]; then
  echo "usage: $0 PACKAGE.deb kiosk.yaml HOST..." >&2
  exit 2
fi
package=$1 settings=$2
shift 2
if command -v kiosk >/dev/null && ! kiosk config --show --config "$settings" >/dev/null; then
  echo "$settings has problems (kiosk config --show --config $settings); nothing deployed" >&2
  exit 1
fi

remote_package=/tmp/$(basename "$package")
remote_settings=/tmp/exhibit-kiosk-settings.yaml
failed=()
for host in "$@"; do
  echo "== $host"
  if "${scp[@]}" -q "$package" "$host:$remote_package" && "${scp[@]}" -q "$settings" "$host:$remote_settings" &&
     "${ssh[@]}" "$host" sudo bash -s <<REMOTE
set -euo pipefail
apt-get install -y -q "$remote_package"
install -D -m 0644 "$remote_settings" /etc/exhibit-kiosk/kiosk.yaml
rm -f "$remote_package" "$remote_settings"
systemctl enable exhibit-kiosk.service
systemctl restart exhibit-kiosk.service
REMOTE
  then
    echo "   installed and restarted"
  else
    echo "   FAILED" >&2
    failed+=("$host")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed on ${#failed[@]} of $# kiosks: ${failed[*]}" >&2
  exit 1
fi
echo "deployed to $# kiosks"
