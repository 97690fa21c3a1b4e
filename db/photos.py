"""Photo downscaling for evidence, with Pillow (no Qt): the CLI and the window store the same bytes.

A phone photo of 4000x3000 is 5 MB; at 1600 px on the long side and JPEG quality 80 it is
about 200 KB and still shows a signboard's text. EXIF orientation is applied (photos stand
the right way up) and transparency is flattened on white, because JPEG has none. The
output is deterministic for the same input and settings.
"""

from __future__ import annotations

from pathlib import Path

from db.errors import KlaError
from db.ids import uuid4_hex

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff", ".gif"}
MAX_IMAGE_PIXELS = 120_000_000


def _pillow():  # noqa: ANN202 - the PIL modules
    """Pillow, imported with the first photo (not at every start of the window or ``kla``)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    # A decompression bomb (a tiny file claiming 50,000 x 50,000 pixels) is refused, not decoded.
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    return Image, ImageOps, UnidentifiedImageError


def is_image_name(name: str, mime: str = "") -> bool:
    return Path(name).suffix.lower() in IMAGE_SUFFIXES or mime.startswith("image/")


def prepare_photo(source: Path, tmp_dir: Path, max_long_side: int, quality: int) -> Path | None:
    """A downscaled JPEG copy of ``source`` in ``tmp_dir`` when its long side exceeds
    ``max_long_side``; None when it is small enough to keep as it is."""
    Image, ImageOps, UnidentifiedImageError = _pillow()  # noqa: N806
    try:
        with Image.open(source) as im:
            if max(im.size) <= max_long_side:
                return None
            if im.format == "JPEG":
                # libjpeg scales while decoding: fast and little memory on an old PC.
                im.draft("RGB", (max_long_side, max_long_side))
            img = ImageOps.exif_transpose(im)
            if img.mode in ("RGBA", "LA", "P"):
                img = img.convert("RGBA")
                flat = Image.new("RGB", img.size, "white")
                flat.paste(img, mask=img.getchannel("A"))
                img = flat
            elif img.mode != "RGB":
                img = img.convert("RGB")
            img.thumbnail((max_long_side, max_long_side), Image.Resampling.LANCZOS)
            tmp_dir.mkdir(parents=True, exist_ok=True)
            out = tmp_dir / f"foto-{uuid4_hex()}.jpg"
            try:
                img.save(out, "JPEG", quality=int(quality), optimize=True)
            except OSError as exc:
                out.unlink(missing_ok=True)
                raise KlaError("file_copy_failed", path=str(source), detail=str(exc)) from exc
            return out
    except (UnidentifiedImageError, Image.DecompressionBombError, SyntaxError, ValueError) as exc:
        raise KlaError("image_unreadable", name=source.name) from exc
    except OSError as exc:
        if not source.is_file():
            raise KlaError("file_not_found", path=str(source)) from exc
        raise KlaError("image_unreadable", name=source.name) from exc
