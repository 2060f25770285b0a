#!/usr/bin/env bash
# Installs a built package into a clean root of its distribution, as apt on a
# fresh PC would (its Depends resolved from that distribution's archive), then
# runs the installed `kiosk validate` and `kiosk doctor` there with the network
# cut off. Needs root, debootstrap and the distribution's archive:
#   packaging/linux/check-in-chroot.sh dist/exhibit-kiosk_<v>~ubuntu2404_amd64.deb /srv/noble
#   packaging/linux/check-in-chroot.sh dist/exhibit-kiosk_<v>~debian12_amd64.deb /srv/bookworm
# A missing root is made first (minbase; Ubuntu's through debootstrap's gutsy
# script, which serves every Ubuntu release).
set -euo pipefail
deb=$(realpath "$1") root=$2
case "$deb" in
    *~ubuntu2404_*) suite=noble mirror=http://archive.ubuntu.com/ubuntu components=main,universe
                    script=/usr/share/debootstrap/scripts/gutsy ;;
    *~debian12_*) suite=bookworm mirror=http://deb.debian.org/debian components=main script= ;;
    *) echo "check-in-chroot: which distribution is $deb for?" >&2; exit 2 ;;
esac
if [ ! -x "$root/usr/bin/apt-get" ]; then
    # Ubuntu's archive key is not on a Debian machine: the packages are checked
    # against the archive's own Release file instead (--no-check-gpg).
    debootstrap --variant=minbase --no-check-gpg --components="$components" "$suite" "$root" "$mirror" $script
fi
mount_all() {
    for fs in proc sys dev; do mountpoint -q "$root/$fs" || mount --rbind "/$fs" "$root/$fs"; done
}
unmount_all() {
    for fs in proc sys dev; do umount -R "$root/$fs" 2>/dev/null || true; done
}
trap unmount_all EXIT
mount_all
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/kiosk.deb"
chroot "$root" apt-get update -qq
# Policy: no services start inside a chroot.
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d" && chmod +x "$root/usr/sbin/policy-rc.d"
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/kiosk.deb
home=/tmp/kiosk-check
chroot "$root" sh -c "rm -rf $home && mkdir -p $home"
offline() {
    unshare -n chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=$home QT_QPA_PLATFORM=offscreen \
        XDG_CONFIG_HOME=$home/etc XDG_DATA_HOME=$home/lib XDG_STATE_HOME=$home/lib XDG_CACHE_HOME=$home/cache \
        "$@"
}
echo "--- $(chroot "$root" sh -c '. /etc/os-release; echo "$PRETTY_NAME"'), python3 $(chroot "$root" python3 -c 'import platform; print(platform.python_version())')"
echo "--- kiosk validate (no network)"
offline kiosk validate
echo "--- kiosk doctor (no network)"
offline kiosk doctor
