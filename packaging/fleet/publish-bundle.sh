#!/usr/bin/env bash
# Copies a content bundle into the inbox of many kiosks with rsync.
#
#   packaging/fleet/publish-bundle.sh museum.kiosk-bundle kiosk-1:/var/lib/exhibit-kiosk/inbox/ ...
#
# rsync writes each copy under a hidden temporary name and renames it when it
# is whole, so a kiosk never takes half a bundle; each kiosk checks it and
# shows it at its next attract mode. A destination may be a local folder (a
# USB stick). One destination failing does not stop the others; exit status 1
# lists the ones that failed. KIOSK_RSYNC replaces rsync.
set -u
rsync=(${KIOSK_RSYNC:-rsync})
if [ $# -lt 2 ] || [ ! -f "$1" ] || [[ "$1" != *.kiosk-bundle ]]; then
  echo "usage: $0 FILE.kiosk-bundle DESTINATION..." >&2
  exit 2
fi
bundle=$1
shift
failed=()
for destination in "$@"; do
  if "${rsync[@]}" --times --chmod=F0644 "$bundle" "$destination"; then
    echo "$destination: copied"
  else
    echo "$destination: FAILED" >&2
    failed+=("$destination")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed for ${#failed[@]} of $# destinations: ${failed[*]}" >&2
  exit 1
fi
