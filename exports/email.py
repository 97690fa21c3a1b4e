"""E-mail: ``.eml`` drafts with a bundle attached, and an SMTP outbox that retries.

A draft opens in the office's mail program (Thunderbird, Outlook: ``X-Unsent: 1``) with
DP3AKB's address from the setup file, an Indonesian subject naming the kelurahan, the
period and part k/n, and a body that says what is inside. Sending by SMTP is optional:
drafts are queued in the workspace's ``outbox`` folder and ``send_outbox`` tries each one,
moving it to ``outbox/terkirim`` on success and keeping it (with the error) otherwise.

Mail servers limit the *encoded* message: an attachment travels in base64, 78 bytes (76
and CRLF) for every 57, so a 20 MiB part is a 28 MB e-mail. :data:`MAIL_PRESETS` lists
the limits offices meet (data for the window and the CLI); :func:`part_size_for` gives the
largest part whose ``.eml`` fits one.
"""

from __future__ import annotations

import contextlib
import json
import os
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any

from db.errors import KlaError
from db.store import Store
from exports.container import now_iso
from exports.paper import unit_title, unit_word
from exports.usb import HashingWriter, write_verified


@dataclass(frozen=True)
class MailPreset:
    """A mail server's limit on one whole message (encoded, headers included)."""

    key: str
    label: str
    message_bytes: int


MAIL_PRESETS: tuple[MailPreset, ...] = (
    MailPreset("gmail", "Gmail/Outlook", 25_000_000),
    MailPreset("go_id", "e-mail kantor .go.id", 10_000_000),
)
"""Gmail and Outlook.com take 25 MB; many government servers (Zimbra, Postfix defaults) 10 MB."""
DEFAULT_MAIL_PRESET = MAIL_PRESETS[0]
MAIL_OVERHEAD = 64 * 1024
"""Headers, the body text and the MIME boundaries of one draft, with room to spare."""


def encoded_size(attachment_bytes: int) -> int:
    """What an attachment of ``attachment_bytes`` takes in a message (base64, 76-column lines, CRLF)."""
    return -(-attachment_bytes // 57) * 78


def part_size_for(message_bytes: int) -> int:
    """The largest bundle part whose ``.eml`` stays within ``message_bytes``."""
    return max(0, (message_bytes - MAIL_OVERHEAD) // 78 * 57)


def preset(key: str) -> MailPreset:
    """A preset by key ('gmail', 'go_id'); ``size_invalid`` for another."""
    for p in MAIL_PRESETS:
        if p.key == key:
            return p
    raise KlaError("mail_limit_invalid", value=key, presets=", ".join(p.key for p in MAIL_PRESETS))


def parse_mail_limit(text: str | int) -> int:
    """``kla export --mail-limit``: a preset's key ('gmail', 'go_id', also 'go.id') or a size of the
    whole message. Mail servers count in decimal megabytes, so '10MB' is 10,000,000 bytes (not
    10 MiB, which a 10,240,000-byte Postfix limit refuses). Below 1 MB is refused: no part fits."""
    if isinstance(text, int):
        value = text
    else:
        key = str(text).strip().lower().replace(".", "_").replace("-", "_")
        for p in MAIL_PRESETS:
            if key == p.key:
                return p.message_bytes
        s = str(text).strip().upper().replace(" ", "").replace(",", ".")
        units = (("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000), ("G", 1_000_000_000), ("M", 1_000_000),
                 ("K", 1_000), ("B", 1))
        for suffix, factor in units:
            if s.endswith(suffix):
                s, mult = s[: -len(suffix)], factor
                break
        else:
            mult = 1_000_000  # a bare number is megabytes, as people say a mail limit
        try:
            value = int(float(s) * mult)
        except ValueError:
            value = -1
    if value < 1_000_000:
        raise KlaError("mail_limit_invalid", value=str(text), presets=", ".join(p.key for p in MAIL_PRESETS))
    return value


KIND_WORDS = {"entry": "isian indikator", "evidence": "data dukung", "activity": "kegiatan",
              "facility": "fasilitas", "deleted": "penghapusan"}


def build_message(to: str, sender: str, subject: str, body: str, attachment: Path) -> EmailMessage:
    msg = EmailMessage()
    msg["To"] = to
    if sender:
        msg["From"] = sender
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid("kla")
    msg["X-Unsent"] = "1"
    msg.set_content(body)
    # The attachment is read whole here: parts are sized for e-mail (20 MB by default).
    msg.add_attachment(attachment.read_bytes(), maintype="application", subtype="octet-stream",
                       filename=attachment.name)
    return msg


def write_eml(dest: Path, msg: EmailMessage) -> Path:
    data = msg.as_bytes()

    def produce(w: HashingWriter) -> None:
        w.write(data)

    write_verified(dest, produce)
    return dest


def _years_words(period: str) -> str:
    """The bundle's "2026-2026" as "tahun data 2026", "2025-2026" as "tahun data 2025–2026"."""
    first, _, last = period.partition("-")
    if not first:
        return ""
    return f"tahun data {first}" if last in ("", first) else f"tahun data {first}–{last}"


def write_eml_for_parts(store: Store, parts: list[Any], period: str,
                        limit: int = DEFAULT_MAIL_PRESET.message_bytes) -> list[Path]:
    """One draft per part; a part whose message would be larger than ``limit`` (one evidence
    file bigger than an e-mail holds) gets none: it travels by flashdisk (``oversized``)."""
    kel = store.kelurahan(store.kelurahan_code)
    to = store.sync.state("city_email")
    out = []
    unit = unit_title(kel.code, kel.name)  # "Desa Perian", "Kelurahan Manggar"
    years = _years_words(period)
    for p in parts:
        subject = " — ".join(x for x in (f"Kiriman data KLA {unit} ({kel.code})", years,
                                         f"bagian {p.part}/{p.parts}") if x)
        lines = [
            "Yth. DP3AKB,",
            "",
            f"Terlampir kiriman data KLA {unit} ({kel.code}), bagian {p.part} dari {p.parts}.",
            "Isi bagian ini:",
        ]
        for kind, word in KIND_WORDS.items():
            if p.counts.get(kind):
                lines.append(f"  - {p.counts[kind]} {word}")
        lines += [
            f"  - {p.files} berkas data dukung",
            "",
            f"Lampiran terenkripsi untuk DP3AKB dan ditandatangani {unit_word(kel.code).lower()}; hanya DP3AKB yang dapat membukanya.",
            "Impor lampiran dengan KLA Desktop (halaman Kotak Masuk, atau perintah 'kla import').",
            f"Sidik jari berkas (SHA-256): {p.sha256}",
            "",
            unit,
        ]
        if encoded_size(p.size) + MAIL_OVERHEAD > limit:
            continue  # the server would refuse it: no draft that cannot be sent
        msg = build_message(to, "", subject, "\n".join(lines), p.path)
        out.append(write_eml(p.path.with_suffix(".eml"), msg))
    return out


# ---------------------------------------------------------------------------- SMTP outbox


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 587
    user: str = ""
    password: str = ""
    sender: str = ""
    starttls: bool = True
    timeout: float = 30.0


@dataclass(frozen=True)
class OutboxResult:
    sent: list[str]
    failed: list[tuple[str, str]]
    waiting: int


def queue(store: Store, eml: Path) -> Path:
    """Put a draft in the outbox (a copy; the original stays where it was written)."""
    store.paths.outbox.mkdir(parents=True, exist_ok=True)
    dest = store.paths.outbox / eml.name
    data = eml.read_bytes()

    def produce(w: HashingWriter) -> None:
        w.write(data)

    write_verified(dest, produce)
    return dest


def send_outbox(store: Store, cfg: SmtpConfig, connect: Callable[[SmtpConfig], Any] | None = None) -> OutboxResult:
    """Try every queued message once; keep failures for the next try."""
    box = store.paths.outbox
    sent, failed = [], []
    done_dir = box / "terkirim"
    for eml in sorted(box.glob("*.eml")) if box.exists() else []:
        meta_path = eml.with_suffix(".status.json")
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {"attempts": 0}
        meta["attempts"] += 1
        meta["last_try"] = now_iso()
        try:
            import email as _email
            import email.policy as _policy

            msg = _email.message_from_bytes(eml.read_bytes(), policy=_policy.default)
            del msg["X-Unsent"]
            if cfg.sender:
                del msg["From"]
                msg["From"] = cfg.sender
            if not msg["To"]:
                raise KlaError("email_no_recipient")
            server = connect(cfg) if connect else _connect(cfg)
            with contextlib.closing(server) if not hasattr(server, "__exit__") else server as s:
                s.send_message(msg)
        except (OSError, smtplib.SMTPException, KlaError) as exc:
            meta["error"] = str(exc)
            meta_path.write_text(json.dumps(meta))
            failed.append((eml.name, str(exc)))
            continue
        done_dir.mkdir(parents=True, exist_ok=True)
        os.replace(eml, done_dir / eml.name)
        meta_path.unlink(missing_ok=True)
        sent.append(eml.name)
    waiting = len(list(box.glob("*.eml"))) if box.exists() else 0
    return OutboxResult(sent, failed, waiting)


def _connect(cfg: SmtpConfig) -> smtplib.SMTP:
    if cfg.port == 465:
        server: smtplib.SMTP = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout,
                                                context=ssl.create_default_context())
    else:
        server = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
        if cfg.starttls:
            server.starttls(context=ssl.create_default_context())
    if cfg.user:
        server.login(cfg.user, cfg.password)
    return server
