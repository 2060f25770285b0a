#!/usr/bin/env bash
# Builds the kiosk's Debian package, installable offline:
#   packaging/linux/build-deb.sh                 # Debian 12 (its Python 3.11)
#   packaging/linux/build-deb.sh --ubuntu-24.04  # Ubuntu 24.04 (its Python 3.12)
# -> dist/exhibit-kiosk_<version>~<distro>_amd64.deb
#
# The kiosk and every Python package it needs go under /opt/exhibit-kiosk/lib
# (pip install --target, wheels for the distribution's own Python, byte-compiled
# when that Python is here), run by the distribution's python3: no network at
# install or run time. Building needs the package index (or a wheel cache).
set -euo pipefail
cd "$(dirname "$0")/../.."
python_version=3.11 distro=debian12 codename=bookworm
if [ "${1:-}" = "--ubuntu-24.04" ]; then
    python_version=3.12 distro=ubuntu2404 codename=noble
fi
pip=(python3 -m pip)
[ -x .venv/bin/python ] && pip=(.venv/bin/python -m pip)
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' kiosk/__init__.py)
build=build/deb-$distro
root=$build/root
opt=$root/opt/exhibit-kiosk
rm -rf "$build"
mkdir -p "$build/wheel" "$opt/bin" "$root/usr/bin" "$root/etc/exhibit-kiosk" "$root/lib/systemd/system" \
         "$root/DEBIAN" dist

"${pip[@]}" wheel --quiet --no-deps --wheel-dir "$build/wheel" .
"${pip[@]}" install --quiet --no-compile --target "$opt/lib" \
    --python-version "$python_version" --implementation cp --abi "cp${python_version/./}" \
    --platform manylinux_2_34_x86_64 --platform manylinux_2_28_x86_64 \
    --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 --only-binary=:all: \
    "$build/wheel"/exhibit_kiosk-*.whl

# What a kiosk never runs: Qt's developer tools, QML and Quick, headers, stubs.
qt=$opt/lib/PySide6
rm -rf "$opt/lib/bin" "$qt"/{lupdate,lrelease,linguist,assistant,designer,qml*,balsam*,uic,rcc,include} \
       "$qt"/{scripts,typesystems,glue,examples,doc} "$qt"/Qt/qml "$qt"/Qt/translations \
       "$qt"/Qt/lib/libQt6{Designer,ShaderTools,Test,Sql,LabsQml,QuickControls,QuickDialogs}* \
       "$qt"/Qt{Quick,Qml,Designer,Test,Sql,UiTools}*.abi3.so
# And the parts of PySide6-Addons it never loads: it takes Qt Multimedia (clips)
# and Qt TextToSpeech from there, not the web engine, 3D, charts or the rest.
addons="WebEngine WebView WebChannel WebSockets 3D Charts DataVisualization Graphs Pdf Location Positioning Lottie \
        RemoteObjects Scxml StateMachine Sensors SerialBus SerialPort Bluetooth Nfc VirtualKeyboard HttpServer \
        NetworkAuth Help SpatialAudio CanvasPainter"
for module in $addons; do
    rm -rf "$qt"/Qt/lib/libQt6"$module"* "$qt"/Qt"$module"*.abi3.so "$qt"/Qt/plugins/*/*"${module,,}"*
done
rm -rf "$qt"/Qt/resources/qtwebengine* "$qt"/Qt/libexec/QtWebEngineProcess "$qt"/Qt/plugins/{sceneparsers,geometryloaders,renderers,position,geoservices,sensors,canbus,webview,renderplugins}
# Nor Quick 3D, SQL, the designer and print plugins (their libraries would not even load:
# they link modules removed above or libraries the package does not depend on).
rm -rf "$qt"/Qt/lib/libQt6{Quick3D,QmlLocalStorage,LabsStyleKit,QuickTest}* \
       "$qt"/Qt/plugins/{sqldrivers,assetimporters,designer,printsupport} "$qt"/Qt"Quick3D"*.abi3.so
find "$opt/lib" \( -name '*.pyi' -o -name '__pycache__' \) -prune -exec rm -rf {} +
if "python$python_version" -c "" 2>/dev/null; then  # runs (a pyenv shim may only name it)
    "python$python_version" -m compileall -q -j 0 "$opt/lib" >/dev/null
fi

install -m 0755 packaging/linux/kiosk packaging/linux/kiosk-x11-session "$opt/bin/"
ln -s /opt/exhibit-kiosk/bin/kiosk "$root/usr/bin/kiosk"
install -m 0644 packaging/linux/exhibit-kiosk.service packaging/linux/exhibit-kiosk-x11.service \
    "$root/lib/systemd/system/"
install -m 0644 packaging/linux/kiosk.yaml "$root/etc/exhibit-kiosk/kiosk.yaml"
install -d "$opt/share/hardening" "$opt/share/doc"
install -m 0644 packaging/linux/hardening/*.conf packaging/linux/hardening/*.cfg \
    packaging/linux/hardening/apt-* "$opt/share/hardening/"
install -m 0755 packaging/linux/hardening/apply "$opt/share/hardening/"
install -m 0644 packaging/README.md "$opt/share/doc/README.md"
install -m 0755 packaging/linux/debian/{postinst,prerm,postrm} "$root/DEBIAN/"
echo /etc/exhibit-kiosk/kiosk.yaml > "$root/DEBIAN/conffiles"

size=$(du -sk "$root" | cut -f1)
# Qt's xcb and Wayland platforms, OpenGL/EGL, fonts, input; cage for the session
# (Debian's cage 0.1.4 refuses to start without Xwayland, which it does not depend on);
# PulseAudio's client library, which Qt Multimedia loads (Ubuntu's minimal install lacks it).
cat > "$root/DEBIAN/control" <<EOF
Package: exhibit-kiosk
Version: $version~$distro
Architecture: amd64
Maintainer: Exhibit Kiosk <kiosk@example.org>
Installed-Size: $size
Depends: python3 (>= $python_version), python3 (<< ${python_version%.*}.$((${python_version#*.} + 1))),
 adduser, cage, xwayland, libegl1, libgl1, libopengl0, libfontconfig1, libfreetype6, libdbus-1-3,
 libxkbcommon0, libxkbcommon-x11-0, libwayland-client0, libwayland-cursor0, libwayland-egl1,
 libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-render-util0,
 libxcb-shape0, libxcb-xinerama0, libxcb-xkb1, libx11-xcb1, libglib2.0-0, libpulse0
Recommends: xinit, xserver-xorg-core, x11-xserver-utils, openssh-server, unattended-upgrades,
 speech-dispatcher, speech-dispatcher-espeak-ng
Section: misc
Priority: optional
Homepage: https://example.org/exhibit-kiosk
Description: touch-screen museum kiosk for film exhibits written in YAML
 Boots a PC straight into a locked, supervised kiosk (cage on tty1, restarted
 by systemd when it crashes or hangs) showing exhibits from
 /var/lib/exhibit-kiosk/exhibits in English, Chinese and Russian.
 Built for $codename.
EOF
deb="dist/exhibit-kiosk_${version}~${distro}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb ($(du -h "$deb" | cut -f1), installed $((size / 1024)) MB)"
