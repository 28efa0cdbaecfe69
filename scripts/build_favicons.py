"""Draw Kring's icon as the bitmaps browsers ask for, from the same shapes as ``favicon.svg``.

``favicon.svg`` is the icon (a ring with a dot, in the layout's colours); browsers that ask for
``/favicon.ico`` or a home-screen icon get the same picture drawn with Pillow: ``favicon.ico``
(16, 32 and 48 pixels) and ``apple-touch-icon.png`` (180 pixels, on a full background, as phones
round the corners themselves). Each size is drawn large and scaled down, for smooth edges.

Usage: .venv/bin/python scripts/build_favicons.py  (writes into kring/core/static/core/)
"""

from pathlib import Path

from PIL import Image, ImageDraw

STATIC = Path(__file__).resolve().parent.parent / "kring" / "core" / "static" / "core"
BACKGROUND = "#fbfaf7"
INK = "#2f5d62"
# The shapes of favicon.svg, in its 32 × 32 view box: background circle r 15, a ring of radius 10.5
# drawn 4 wide, a dot of radius 3, all around the centre (16, 16).
VIEW = 32
SCALE = 16


def circle(draw: ImageDraw.ImageDraw, radius: float, **style) -> None:
    centre = VIEW / 2 * SCALE
    r = radius * SCALE
    draw.ellipse([centre - r, centre - r, centre + r, centre + r], **style)


def icon(size: int, *, full_background: bool = False) -> Image.Image:
    big = Image.new("RGBA", (VIEW * SCALE, VIEW * SCALE), BACKGROUND if full_background else (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    if not full_background:
        circle(draw, 15, fill=BACKGROUND)
    circle(draw, 10.5 + 2, fill=INK)  # the ring: an outer disc ...
    circle(draw, 10.5 - 2, fill=BACKGROUND)  # ... with the inside cut out
    circle(draw, 3, fill=INK)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    sizes = [16, 32, 48]
    drawn = [icon(size) for size in sizes]
    drawn[-1].save(STATIC / "favicon.ico", sizes=[(s, s) for s in sizes], append_images=drawn[:-1])
    icon(180, full_background=True).convert("RGB").save(STATIC / "apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main()
