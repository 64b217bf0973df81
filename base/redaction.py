"""Log records never carry a ballot code.

A code in a log would let whoever reads the logs vote with someone's card, or tie a card to a
time and station. Our own log calls never pass one (they name the refusal's reason, not the
card), and this filter, on every handler, is the second line: it blanks anything shaped like a
code, typed or compact, and the card's address `/b/<version>/<code>`, in the message, its
arguments and the traceback, including what Django or a library logs about a request.
"""

import logging
import re

REDACTED = "[kods]"
# The card address inside QR codes and 404 lines: everything after the version is the code.
_CARD_PATH = re.compile(r"(/b/\d+/)[^\s\"'?#]*")
# The printed shape, in any case, with dashes or spaces (ABCD-EFGH-JKMN-P, abcd efgh jkmn p).
_GROUPED = re.compile(
    r"(?<![0-9A-Za-z])[0-9A-Z]{4}(?:[-\s][0-9A-Z]{4}){2}[-\s][0-9A-Z*~$=](?![\w*~$=])",
    re.IGNORECASE,
)
# Any other run of code characters, possibly split by dashes, dots or underscores anywhere;
# the check character (which may be * ~ $ =) comes last.
_TOKEN = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]+(?:[-_.·][0-9A-Za-z]+)*[*~$=]?")
_SEPARATORS = re.compile(r"[-_.·\s]")
CODE_LENGTHS = (12, 13)


def _blank_if_code(match: re.Match[str]) -> str:
    """A code has 12 or 13 characters once the separators are gone, and is written in
    capitals or contains a digit (a plain lower-case word of that length is left alone)."""
    compact = _SEPARATORS.sub("", match.group())
    looks_like_code = compact.isupper() or any(character.isdigit() for character in compact)
    return REDACTED if len(compact) in CODE_LENGTHS and looks_like_code else match.group()


def redact(text: str) -> str:
    text = _CARD_PATH.sub(rf"\1{REDACTED}", text)
    text = _GROUPED.sub(REDACTED, text)
    return _TOKEN.sub(_blank_if_code, text)


class RedactBallotCodes(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # arguments that do not fit the message
            message = f"{record.msg} {record.args}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True
