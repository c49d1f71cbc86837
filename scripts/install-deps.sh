#!/usr/bin/env bash
# Installs the system packages praktika needs, only those that are missing.
# Usage: scripts/install-deps.sh [build|test]
set -euo pipefail

# Building praktika: libcmark (Markdown) and libqrencode (QR codes in digests).
packages=(libcmark-dev libqrencode-dev pkg-config)
# Digest PDFs: WeasyPrint, the PT fonts and Russian hyphenation.
packages+=(weasyprint fonts-paratype hyphen-ru)
if [ "${1:-build}" = "test" ]; then
  # The tests read the PDFs (poppler-utils) and decode their QR codes (zbar-tools).
  packages+=(poppler-utils zbar-tools)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "praktika: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Full-text search: Pagefind's binary from PyPI.
if ! python3 -c "import pagefind_bin" >/dev/null 2>&1; then
  echo "praktika: installing pagefind-bin (PyPI)"
  python3 -m pip install --quiet --disable-pip-version-check pagefind-bin
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "praktika: Swift 6 is needed (https://www.swift.org/install/linux/); 'swift' is not on PATH" >&2
  exit 1
fi
