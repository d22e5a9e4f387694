#!/bin/sh
# Runs a command (sh .github/without-commands.sh make test) with GitHub's workflow commands stopped around
# its output: a file name or a page's text in a log line stays text, never a command (::set-env, ::add-mask, …).
# The command's exit status is the step's; commands resume whatever it did.
token=$(python3 -c 'import secrets; print(secrets.token_hex(16))') || exit 1
echo "::stop-commands::$token"
status=0
"$@" || status=$?
echo "::$token::"
exit "$status"
