"""Small generated article texts shared by the tests of the text path's fields (bylines,
dates): a lede and a second paragraph in English and German, and a dump built of lines."""
from __future__ import annotations

EN_LEDE = ("The city council met on Monday and agreed on the new plan for the harbour, the mayor said, "
           "after a long debate about the cost of the work and the news of its delay.")
EN_PARA = ("Work on the harbour walls starts in the spring and should take two years, officials said, "
           "and the ferry will keep running while the builders are on the site.")
DE_LEDE = ("Der Stadtrat hat am Montag nach langer Debatte den neuen Plan für den Hafen beschlossen, "
           "wie die Bürgermeisterin am Abend mitteilte, und die Arbeiten sollen im Frühjahr beginnen.")
DE_PARA = ("Die Fähre soll während der Bauzeit weiter fahren, sagte ein Sprecher der Stadt, und die "
           "Anwohner werden in der kommenden Woche über die Einzelheiten des Vorhabens informiert.")


def dump(*lines: str) -> str:
    """A text dump: one line a block, blank lines between."""
    return "\n\n".join(lines)
