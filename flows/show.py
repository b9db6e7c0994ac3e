"""What the terminal shows, through Rich, with user data kept as it is.

Lines are printed with `soft_wrap`: a long path or message is never broken by an inserted newline
(the terminal wraps it, a pipe gets it whole). Rich reads `[...]` in a string as markup and `:name:` as an emoji code, so a comment saying
`#odds [insert democrat here] wins`, a byline with `[data science]`, a markdown link or a path
named `a[/]b` would be rewritten, lose words or end the command with a MarkupError. Every value
from the data, the file system or an error message is therefore shown as a `Text` (taken
literally); only the project's own fixed labels carry styles.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

NULL = "NULL"


def plain(value: object, null: str = "") -> Text:
    """A value as literal text: no markup, no emoji codes (None shown as `null`)."""
    return Text(null if value is None else str(value))


def line(*parts: str | tuple[str, str] | Text) -> Text:
    """A line of literal pieces; a (text, style) pair is a styled piece, its text still literal."""
    return Text.assemble(*parts)


def error(message: object, console: Console | None = None) -> None:
    """`error: message` on stderr, the message as it is."""
    (console or Console(stderr=True)).print(line(("error:", "bold red"), " ", plain(message)), soft_wrap=True)


def warning(message: object, console: Console | None = None) -> None:
    """`warning: message` on stderr, the message as it is."""
    (console or Console(stderr=True)).print(
        line(("warning:", "bold yellow"), " ", plain(message)), soft_wrap=True
    )
