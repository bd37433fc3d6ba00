#!/bin/sh
# Install Portal Desk from this unpacked folder.
#   ./install.sh              for this user: ~/.local/lib/portal-desk, ~/.local/bin, ~/.local/share
#   sudo ./install.sh --system  for everyone: /opt/portal-desk, /usr/local/bin, /usr/local/share
#   ./install.sh --uninstall [--system]
# PREFIX, BINDIR and DATADIR override the three places.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
system=no; uninstall=no
for arg in "$@"; do
  case "$arg" in
    --system) system=yes ;;
    --uninstall) uninstall=yes ;;
    *) echo "usage: $0 [--system] [--uninstall]" >&2; exit 2 ;;
  esac
done
if [ "$system" = yes ]; then
  PREFIX=${PREFIX:-/opt/portal-desk}; BINDIR=${BINDIR:-/usr/local/bin}; DATADIR=${DATADIR:-/usr/local/share}
else
  PREFIX=${PREFIX:-$HOME/.local/lib/portal-desk}; BINDIR=${BINDIR:-$HOME/.local/bin}
  DATADIR=${DATADIR:-${XDG_DATA_HOME:-$HOME/.local/share}}
fi
icons="16x16 24x24 32x32 48x48 64x64 128x128 256x256 512x512"

if [ "$uninstall" = yes ]; then
  rm -rf "$PREFIX"
  rm -f "$BINDIR/portal-desk" "$DATADIR/applications/portal-desk.desktop" \
        "$DATADIR/icons/hicolor/scalable/apps/portal-desk.svg"
  for s in $icons; do rm -f "$DATADIR/icons/hicolor/$s/apps/portal-desk.png"; done
  echo "Portal Desk removed (your data folder is kept)."
  exit 0
fi

mkdir -p "$PREFIX" "$BINDIR" "$DATADIR/applications"
if [ "$here" != "$PREFIX" ]; then
  rm -rf "$PREFIX"
  mkdir -p "$PREFIX"
  cp -R "$here/." "$PREFIX/"
fi
ln -sf "$PREFIX/portal-desk" "$BINDIR/portal-desk"
sed "s|^Exec=portal-desk|Exec=$PREFIX/portal-desk|" "$here/share/applications/portal-desk.desktop" \
  > "$DATADIR/applications/portal-desk.desktop"
cp -R "$here/share/icons" "$DATADIR/"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATADIR/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$DATADIR/icons/hicolor" || true
echo "Portal Desk installed in $PREFIX; start it from the applications menu or with $BINDIR/portal-desk"
