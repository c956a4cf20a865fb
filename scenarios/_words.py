"""Small wording helpers the scenarios share, so every answer writes money the same way."""

LARGE = 100  # $B: from here on, whole billions read better than significant figures


def money(x) -> str:
    """An amount in $B: "74.2B", "1,558B"; never "-0B"."""
    x = float(x) + 0.0
    return f"{x:,.0f}B" if abs(x) >= LARGE else f"{x:.3g}B"


def sentence(text) -> str:
    """``text`` (a deal range, say) with a capital first letter, to stand as a sentence of its own."""
    text = str(text)
    return text[:1].upper() + text[1:]
