"""Direct quotations found in raw text: paired quote marks, over sentences and paragraphs.

A single left-to-right pass over the characters (linear in the text): straight and curly double
quotes, «guillemets», „low-high“ marks. A quote left open at the end of a paragraph continues only
when the next paragraph opens with a quote mark (the newspaper convention); otherwise it is dropped,
so an unbalanced mark never swallows the rest of the article.
"""
from __future__ import annotations

from dataclasses import dataclass

# opener -> the closers that end it
PAIRS = {"“": "”\"", "„": "“”", "«": "»", "\"": "\"", "‟": "”"}
CLOSERS = set("”»\"")
MAX_QUOTE_CHARS = 6000          # longer "quotes" are unbalanced marks, not speech


@dataclass(frozen=True)
class Quote:
    start: int          # the opening mark
    end: int            # just after the closing mark
    inner: tuple[int, int]   # the quoted words, marks excluded
    paragraphs: int = 1

    def text(self, source: str) -> str:
        return source[self.inner[0]:self.inner[1]]


def _opens(text: str, i: int) -> bool:
    """Can the straight quote at i open a quotation? (start of text, or after space / bracket / dash)"""
    return i == 0 or text[i - 1] in " \t\n([{—–-:/" or text[i - 1] == "\u00a0"


def _closes(text: str, i: int) -> bool:
    """Can the straight quote at i close a quotation? (not followed by a letter or digit)"""
    return i + 1 >= len(text) or not text[i + 1].isalnum()


def find_quotes(text: str) -> list[Quote]:
    """Every balanced direct quotation in ``text``, in order, with character offsets."""
    quotes: list[Quote] = []
    open_at: int | None = None      # index of the current opening mark
    opener = ""
    paras = 1
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c == "\n":
            if open_at is not None and not _continues(text, i):
                open_at = None       # unbalanced: drop it at the paragraph's end
            elif open_at is not None:
                paras += 1
                i = _skip_reopen(text, i)
                continue
        elif open_at is not None and c in PAIRS[opener] and (c != "\"" or _closes(text, i)):
            if i - open_at <= MAX_QUOTE_CHARS and i > open_at + 1:
                quotes.append(Quote(open_at, i + 1, (open_at + 1, i), paras))
            open_at = None
        elif c in PAIRS and (c != "\"" or _opens(text, i)):
            open_at, opener, paras = i, c, 1   # an opener while open: the earlier one was unbalanced
        i += 1
    return [_trim(q, text) for q in quotes if text[q.inner[0]:q.inner[1]].strip()]


def _continues(text: str, newline: int) -> bool:
    """Does the paragraph after this newline open with a quote mark (continuing the quote)?"""
    j = newline
    while j < len(text) and text[j] in " \t\r\n\u00a0":
        j += 1
    return j < len(text) and text[j] in PAIRS


def _skip_reopen(text: str, newline: int) -> int:
    """Index just after the re-opening quote mark of a continued paragraph."""
    j = newline
    while j < len(text) and text[j] in " \t\r\n\u00a0":
        j += 1
    return j + 1


def _trim(q: Quote, text: str) -> Quote:
    a, b = q.inner
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Quote(q.start, q.end, (a, b), q.paragraphs)
