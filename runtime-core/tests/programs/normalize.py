#!/usr/bin/env python3
"""Rewrite the parts of Elixir's output that change from one run to the next.

Reads text on stdin and writes the normalized text to stdout:

* every pid becomes ``#PID<0.0.0>``, every reference ``#Reference<0.0.0.0>``
  and every anonymous-function term ``#Function<>``;
* a Logger timestamp (``12:34:56.789 ``) at the start of a line is removed;
* stack-trace entries (``    prog.exs:3: Mod.fun/2`` or
  ``    (stdlib 4.2) gen_server.erl:1123: ...``) are removed, because an
  implementation may print different frames, or none;
* trailing whitespace is removed from every line.
"""
import re
import sys

PID = re.compile(r"#PID<\d+\.\d+\.\d+>")
REFERENCE = re.compile(r"#Reference<[\d.]+>")
FUNCTION = re.compile(r"#Function<[^>]*>")
LOGGER_TIME = re.compile(r"^\d\d:\d\d:\d\d\.\d\d\d ", re.MULTILINE)
# Four spaces, an optional "(app version) ", a file name, a line number and a colon.
STACK_ENTRY = re.compile(r"^    (?:\([a-z_]+ [\d.]+\) )?[\w./-]+:\d+: .*\n", re.MULTILINE)

SUBSTITUTIONS = (
    (PID, "#PID<0.0.0>"),
    (REFERENCE, "#Reference<0.0.0.0>"),
    (FUNCTION, "#Function<>"),
    (LOGGER_TIME, ""),
    (STACK_ENTRY, ""),
)


def normalize(text: str) -> str:
    """Return ``text`` with run-dependent details replaced (see module doc)."""
    for pattern, replacement in SUBSTITUTIONS:
        text = pattern.sub(replacement, text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def main() -> None:
    sys.stdout.write(normalize(sys.stdin.read()))


if __name__ == "__main__":
    main()
