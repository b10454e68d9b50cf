#!/usr/bin/env bash
# Print the path of a Python >= 3.12, or explain and fail.
# Tries python3.13, python3.12, python3, then pyenv-installed 3.13/3.12.
set -u
candidates=(python3.13 python3.12 python3)
for root in "${PYENV_ROOT:-$HOME/.pyenv}/versions" /root/.pyenv/versions; do
    for dir in "$root"/3.13* "$root"/3.12*; do
        [ -x "$dir/bin/python3" ] && candidates+=("$dir/bin/python3")
    done
done
for candidate in "${candidates[@]}"; do
    # A pyenv shim may exist but refuse to run; ask the interpreter itself.
    if path=$("$candidate" -c 'import sys; assert sys.version_info >= (3, 12); print(sys.executable)' 2>/dev/null); then
        echo "$path"
        exit 0
    fi
done
echo "peergraph needs Python 3.12 or newer and none was found (tried python3.13, python3.12, python3 and pyenv's 3.12/3.13)." >&2
echo "Install one (e.g. 'apt-get install python3.12' or 'pyenv install 3.12') and run make again." >&2
exit 1
