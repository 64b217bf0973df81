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
# Typed codes: groups of up to four code characters joined by separators (ABCD-EFGH-JKMN-P).
_GROUPED = re.compile(
    r"(?<![\w*~$=])[0-9A-Z*~$=]{4}(?:[-\s._·][0-9A-Z*~$=]{1,4}){2,3}(?![\w*~$=])", re.I
)
# Compact codes: 12–13 code characters, all capitals and digits or including a digit.
_COMPACT = re.compile(
    r"(?<![\w*~$=])(?:[0-9A-Z]{12}[0-9A-Z*~$=]?|(?=[\w*~$=]*\d)[0-9A-Za-z]{12}[0-9A-Za-z*~$=]?)(?![\w*~$=])"
)


def redact(text: str) -> str:
    text = _CARD_PATH.sub(rf"\1{REDACTED}", text)
    text = _GROUPED.sub(REDACTED, text)
    return _COMPACT.sub(REDACTED, text)


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
