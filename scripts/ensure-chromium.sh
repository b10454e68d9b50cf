#!/usr/bin/env bash
# The map tests drive Debian's headless Chromium; install it when missing and we may.
set -u
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium and chromium-driver for the browser tests..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
        || echo "Could not install chromium; the browser tests will be skipped and say why." >&2
else
    echo "chromium/chromedriver missing and not root: the browser tests will be skipped and say why." >&2
fi
exit 0
