#!/bin/sh
# Makes the man page: the hand-written sections of backtriage.1.in around the commands and options
# that generate-manual writes from the argument definitions (so they cannot drift from the
# program). Usage: merge-man.sh GENERATED.1 TEMPLATE.1.in > backtriage.1
# From the generated page it keeps the header, NAME and SYNOPSIS, and the list of commands and
# options (the root's own discussion is replaced by the hand-written DESCRIPTION; its EXIT STATUS
# and AUTHORS by the hand-written ones). mdoc warns on an empty line; a paragraph break is .Pp.
set -eu
generated=$1 template=$2
awk -v template="$template" '
  function copy_template(from_marker,   line, after) {
    after = 0
    while ((getline line < template) > 0) {
      if (line ~ /^\.\\" @COMMANDS@/) { after = 1; if (!from_marker) break; continue }
      if (from_marker && !after) continue
      if (!from_marker && line ~ /^\.\\"/ && !started) continue
      started = 1
      print line
    }
    close(template)
  }
  state == 0 && /^\.Sh DESCRIPTION/ { copy_template(0); print ".Sh COMMANDS"; state = 1; next }
  state == 1 && /^\.Bl / { state = 2 }
  state == 1 { next }
  state == 2 && /^\.Sh "?EXIT STATUS"?/ { copy_template(1); state = 3; next }
  state == 3 { next }
  /^$/ { print ".Pp"; next }
  { print }
' "$generated"
