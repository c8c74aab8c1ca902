"""The 5-point preference scale, on the pair's own A/B axis and as an annotator sees it."""

from __future__ import annotations

from curation.errors import InputError

# +2 A≫B, +1 A>B, 0 tie, −1 B>A, −2 B≫A on the pair's own axis.
SCALE: dict[int, str] = {2: "A ≫ B", 1: "A > B", 0: "tie", -1: "B > A", -2: "B ≫ A"}
# What the annotator sees: left/right, keys 1–5 from "left much better" to "right much better".
SCREEN: tuple[tuple[str, int, str], ...] = (
    ("1", 2, "Left ≫"),
    ("2", 1, "Left >"),
    ("3", 0, "Tie"),
    ("4", -1, "Right >"),
    ("5", -2, "Right ≫"),
)
SCREEN_HELP = {
    2: "Left much better",
    1: "Left better",
    0: "Tie",
    -1: "Right better",
    -2: "Right much better",
}
BOTH_BAD_KEY = "6"
NAMES = {
    "A>>B": 2,
    "A>B": 1,
    "tie": 0,
    "B>A": -1,
    "B>>A": -2,
    "a>>b": 2,
    "a>b": 1,
    "b>a": -1,
    "b>>a": -2,
}


def to_pair_axis(screen_choice: int, shown_left: str) -> int:
    """A choice made on screen (positive = left better) as a choice on the pair's A/B axis."""
    check_choice(screen_choice)
    return screen_choice if shown_left == "a" else -screen_choice


def to_screen(choice: int, shown_left: str) -> int:
    return choice if shown_left == "a" else -choice


def check_choice(choice: int) -> int:
    if choice not in SCALE:
        raise InputError(f"choice {choice!r} is not on the scale -2…2 (B≫A … A≫B)")
    return choice


def parse_choice(text: str) -> int:
    """``A>>B``, ``a>b``, ``tie``, ``B>A`` … or an integer −2…2, as written in label files."""
    value = text.strip().replace(" ", "").replace("≫", ">>")
    if value in NAMES:
        return NAMES[value]
    try:
        return check_choice(int(value))
    except ValueError:
        raise InputError(
            f"choice {text!r} is not one of A>>B, A>B, tie, B>A, B>>A or -2…2"
        ) from None


def chose_left(choice: int, shown_left: str) -> bool | None:
    """True if the preferred completion was on the left, None for a tie."""
    if choice == 0:
        return None
    return to_screen(choice, shown_left) > 0
