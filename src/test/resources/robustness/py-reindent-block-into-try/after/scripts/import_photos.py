#!/usr/bin/env python3
"""Copy photos from a camera card into YEAR/MONTH folders, skipping ones already imported."""

import argparse
import hashlib
import logging
import shutil
import sys
from datetime import datetime
from pathlib import Path

EXTENSIONS = {".jpg", ".jpeg", ".heic", ".png", ".cr3", ".nef", ".dng"}

log = logging.getLogger("import_photos")


def file_digest(path, chunk_size=1 << 20):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(chunk_size), b""):
            digest.update(chunk)
    return digest.hexdigest()


def taken_at(path):
    """Best guess of when the photo was taken: the file's modification time."""
    return datetime.fromtimestamp(path.stat().st_mtime)


def target_for(photo, library):
    when = taken_at(photo)
    return library / f"{when:%Y}" / f"{when:%m}" / photo.name


def known_digests(library):
    index = library / ".digests"
    if not index.exists():
        return set()
    return set(index.read_text(encoding="ascii").split())


def remember(library, digests):
    index = library / ".digests"
    index.write_text("\n".join(sorted(digests)) + "\n", encoding="ascii")


def import_card(card, library, dry_run=False):
    digests = known_digests(library)
    copied = skipped = failed = 0
    for photo in sorted(card.rglob("*")):
        if photo.suffix.lower() not in EXTENSIONS or not photo.is_file():
            continue
        try:
            digest = file_digest(photo)
            if digest in digests:
                skipped += 1
                continue
            target = target_for(photo, library)
            if target.exists():
                target = target.with_name(f"{target.stem}-{digest[:8]}{target.suffix}")
            log.info("%s -> %s", photo, target)
            if not dry_run:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(photo, target)
                digests.add(digest)
            copied += 1
        except OSError as error:
            log.error("cannot import %s: %s", photo, error)
            failed += 1
    if not dry_run:
        remember(library, digests)
    return copied, skipped, failed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("card", type=Path, help="mounted camera card, e.g. /media/EOS_DIGITAL")
    parser.add_argument("library", type=Path, help="photo library root")
    parser.add_argument("-n", "--dry-run", action="store_true", help="only print what would happen")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(message)s")
    if not args.card.is_dir():
        parser.error(f"{args.card} is not a directory")
    copied, skipped, failed = import_card(args.card, args.library, args.dry_run)
    print(f"{copied} copied, {skipped} already imported, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
