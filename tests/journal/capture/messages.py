"""E-mail messages of many real shapes for the capture tests, built with the stdlib ``email``
package (and raw bytes where a mail program writes what the package would not)."""

from __future__ import annotations

import base64
import io
import zipfile
from email.message import EmailMessage
from email.utils import make_msgid

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff"
       b"\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def reply(*, subject: str = "Re: Double charge [TCK-5521]", sender: str = "Priya Raman "
          "<priya@headway.co>", to: str = "Alex Example <alex@example.com>",
          date: str | None = "Tue, 24 Nov 2026 10:15:00 -0800", msgid: str | None = "auto",
          body: str | None = None) -> EmailMessage:
    """A plain-text reply with quoted history and a signature."""
    m = EmailMessage()
    m["From"] = sender
    m["To"] = to
    m["Subject"] = subject
    if date is not None:
        m["Date"] = date
    if msgid is not None:
        m["Message-ID"] = make_msgid(domain="headway.co") if msgid == "auto" else msgid
    m.set_content(body if body is not None else (
        "Hello Alex,\n\nThe duplicate charge of $100.00 will be refunded within 5 business "
        "days.\n\n-- \nPriya Raman\nBilling specialist\n\n"
        "On Mon, Nov 23, 2026 at 9:00 AM Alex Example <alex@example.com> wrote:\n"
        "> I was charged twice for the 12 Nov session.\n> Please refund one charge.\n"))
    return m


def with_attachments(**kw: object) -> EmailMessage:
    """multipart/mixed: the reply with a PDF, a PNG and a zip whose name tries to escape."""
    m = reply(**kw)  # type: ignore[arg-type]
    m.add_attachment(PDF, maintype="application", subtype="pdf", filename="invoice INV-2231.pdf")
    m.add_attachment(PNG, maintype="image", subtype="png", filename="screenshot.png")
    m.add_attachment(b"PK\x05\x06" + b"\0" * 18, maintype="application", subtype="zip",
                     filename="../../etc/evil\x07\x1b[2Jname.zip")
    return m


def html_only() -> EmailMessage:
    m = EmailMessage()
    m["From"] = "Headway Support <support@headway.co>"
    m["To"] = "alex@example.com"
    m["Subject"] = "Your ticket TCK-9001 was updated"
    m["Date"] = "Wed, 25 Nov 2026 18:30:05 +0100"
    m["Message-ID"] = "<html-only@headway.co>"
    m.set_content(
        "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
        "<p>Hi Alex,</p><p>We&rsquo;ve escalated your case &amp; a supervisor will call "
        "within&nbsp;48 hours.</p><ul><li>Ticket: TCK-9001</li><li>Owner: Dana</li></ul>"
        "<p><a href='https://help.headway.co/t/9001'>View ticket</a></p>"
        "<blockquote>Earlier: please help</blockquote></body></html>", subtype="html")
    return m


def related_inline_image() -> EmailMessage:
    """multipart/alternative with a multipart/related HTML part holding an inline image."""
    m = EmailMessage()
    m["From"] = "Dana Lee <dana@headway.co>"
    m["To"] = "alex@example.com"
    m["Subject"] = "Screenshot of your account"
    m["Date"] = "Thu, 26 Nov 2026 08:00:00 -0500"
    m["Message-ID"] = "<related@headway.co>"
    m.set_content("See the screenshot below.")
    m.add_alternative("<p>See the screenshot below.</p><img src='cid:shot1' alt='account'>",
                      subtype="html")
    html = m.get_payload()[1]
    html.add_related(PNG, maintype="image", subtype="png", cid="<shot1>")
    return m


def encoded_subjects() -> list[bytes]:
    """Raw messages whose subjects are encoded words: KOI8-R (Cyrillic), GB2312 and UTF-8
    base64 (Chinese), with a windows-1251 quoted-printable body."""
    cyr = (b"From: =?koi8-r?B?4MzJ0SDr0s/MycvP18E=?= <yulia@headway.co>\r\n"
           b"To: alex@example.com\r\n"
           b"Subject: =?koi8-r?Q?=F7=C1=DB_=DA=C1=D0=D2=CF=D3?=\r\n"
           b"Date: Fri, 27 Nov 2026 12:00:00 +0300\r\nMessage-ID: <cyr@headway.co>\r\n"
           b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=windows-1251\r\n"
           b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
           b"=C2=E0=F8 =E7=E0=EF=F0=EE=F1 =EF=EE=EB=F3=F7=E5=ED.\r\n")
    gb = "退款申请".encode("gb2312")
    chi = (b"From: =?UTF-8?B?" + base64.b64encode("客服 王芳".encode()) + b"?= <wang@headway.co>\r\n"
           b"To: alex@example.com\r\n"
           b"Subject: =?GB2312?B?" + base64.b64encode(gb) + b"?= =?UTF-8?B?"
           + base64.b64encode(" 工单 TCK-88".encode()) + b"?=\r\n"
           b"Date: Sat, 28 Nov 2026 09:15:00 +0800\r\nMessage-ID: <chi@headway.co>\r\n"
           b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
           b"Content-Transfer-Encoding: base64\r\n\r\n"
           + base64.b64encode("您的退款已处理。".encode()) + b"\r\n")
    return [cyr, chi]


def zip_bomb() -> bytes:
    """A small zip that unpacks to 200 MB of zeros."""
    buf = io.BytesIO()
    with (zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z,
          z.open("zeros.bin", "w", force_zip64=True) as f):
        chunk = b"\0" * (1 << 20)
        for _ in range(200):
            f.write(chunk)
    return buf.getvalue()


def mbox(*messages: bytes) -> bytes:
    """An mbox (mboxrd) of ``messages``: "From " lines quoted with ">"."""
    out = bytearray()
    for data in messages:
        out += b"From MAILER-DAEMON Tue Nov 24 10:15:00 2026\n"
        for line in data.replace(b"\r\n", b"\n").split(b"\n"):
            stripped = line.lstrip(b">")
            out += (b">" + line if stripped.startswith(b"From ") else line) + b"\n"
        out += b"\n"
    return bytes(out)
