#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs the Mermaid CLI installed here (`npm ci` in this folder, which installer/setup.sh does)
# with Debian's chromium, sandbox off (tests may run as root), and limits raised for large
# designs. Arguments are mmdc's own, e.g.:  mmdc.sh -i design.mmd -o design.svg
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mmdc="$here/node_modules/.bin/mmdc"
if [ ! -x "$mmdc" ]; then
    echo "mmdc.sh: the Mermaid CLI is not installed; run: cd $here && PUPPETEER_SKIP_DOWNLOAD=1 npm ci" >&2
    exit 127
fi
if [ ! -x /usr/bin/chromium ]; then
    echo "mmdc.sh: /usr/bin/chromium is missing; install Debian's chromium package" >&2
    exit 127
fi
exec "$mmdc" --puppeteerConfigFile "$here/puppeteer-config.json" \
    --configFile "$here/mermaid-config.json" "$@"
