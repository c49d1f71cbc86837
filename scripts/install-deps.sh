#!/usr/bin/env bash
# Installs the system packages praktika needs, only those that are missing.
# Usage: scripts/install-deps.sh [build|test]
set -euo pipefail

# Building praktika: libcmark (Markdown), libqrencode (QR codes in digests),
# zlib (reading Pagefind's compressed fragments) and jemalloc (the memory
# allocator praktika is linked with, for speed).
packages=(libcmark-dev libqrencode-dev zlib1g-dev libjemalloc-dev pkg-config)
# Digest PDFs: WeasyPrint, the PT fonts and Russian hyphenation.
packages+=(weasyprint fonts-paratype hyphen-ru)
# `praktika import`: pandoc reads Word documents, LibreOffice turns .doc/.rtf into .docx.
packages+=(pandoc libreoffice-writer-nogui)
if [ "${1:-build}" = "test" ]; then
  # The tests read the PDFs (poppler-utils) and decode their QR codes (zbar-tools).
  packages+=(poppler-utils zbar-tools)
  # Browser tests: headless Chromium driven by Selenium.
  packages+=(chromium chromium-driver)
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

if [ "${1:-build}" = "test" ]; then
  python3 -c "import selenium, yaml" >/dev/null 2>&1 || python3 -m pip install --quiet --disable-pip-version-check selenium pyyaml
  # The import tests write their Word documents with python-docx (Tests/import/make_documents.py).
  python3 -c "import docx" >/dev/null 2>&1 || python3 -m pip install --quiet --disable-pip-version-check python-docx
  # Only axe-core's axe.min.js is used from this package, so none of its dependencies.
  python3 -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('axe_playwright_python') is None)" \
    || python3 -m pip install --quiet --disable-pip-version-check --no-deps axe-playwright-python
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "praktika: Swift 6 is needed (https://www.swift.org/install/linux/); 'swift' is not on PATH" >&2
  exit 1
fi
