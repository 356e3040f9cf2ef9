"""Appended PDF exhibits keep only what prints: no JavaScript, actions, links out, form fields
or attached files reach the case file, while their text and the case file's own outline and
internal links stay."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from casefile_samples import exhibit
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ByteStringObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from headway_journal.casefile import CaseFileData, build_casefile

FORBIDDEN = {
    "/JavaScript", "/JS", "/Launch", "/SubmitForm", "/GoToR", "/URI", "/ImportData",
    "/EmbeddedFile", "/EmbeddedFiles", "/FileAttachment", "/Widget", "/AcroForm", "/AA",
    "/OpenAction", "/RichMedia", "/GoToE", "/Sound", "/Movie", "/Hide", "/ResetForm",
}
MARKERS = ("app.alert", "evil.example", "calc.exe", "secret-attachment", "submit.example")


def _name(value: str) -> NameObject:
    return NameObject(value)


def _action(writer: PdfWriter, kind: str, **extra: PdfObject) -> IndirectObject:
    action = DictionaryObject({_name("/Type"): _name("/Action"), _name("/S"): _name(kind)})
    for key, value in extra.items():
        action[_name(f"/{key}")] = value
    return writer._add_object(action)


def _annot(writer: PdfWriter, subtype: str, rect: tuple[float, ...], **extra: PdfObject) -> IndirectObject:
    annot = DictionaryObject(
        {
            _name("/Type"): _name("/Annot"),
            _name("/Subtype"): _name(subtype),
            _name("/Rect"): ArrayObject(FloatObject(v) for v in rect),
        }
    )
    for key, value in extra.items():
        annot[_name(f"/{key}")] = value
    return writer._add_object(annot)


def hostile_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF whose pages carry every kind of active content a case file must not pass on."""
    plain = path.with_suffix(".plain.pdf")
    canvas = Canvas(str(plain), pagesize=A4)
    for n in range(1, pages + 1):
        canvas.setFont("Helvetica", 14)
        canvas.drawString(72, 700, f"Hostile statement page {n}")
        canvas.showPage()
    canvas.save()
    writer = PdfWriter(clone_from=str(plain))
    js = TextStringObject("app.alert('pwned')")
    for page in writer.pages:
        page[_name("/AA")] = DictionaryObject(
            {_name("/O"): _action(writer, "/JavaScript", JS=js),
             _name("/C"): _action(writer, "/Launch", F=TextStringObject("calc.exe"))}
        )
        filespec = DictionaryObject(
            {
                _name("/Type"): _name("/Filespec"),
                _name("/F"): TextStringObject("secret-attachment.txt"),
                _name("/EF"): DictionaryObject({_name("/F"): writer._add_object(_embedded())}),
            }
        )
        field = _annot(
            writer, "/Widget", (72, 500, 272, 520), FT=_name("/Tx"), T=TextStringObject("name"),
            V=TextStringObject("typed"), AA=DictionaryObject(
                {_name("/K"): _action(writer, "/JavaScript", JS=js)}),
        )
        annots = [
            _annot(writer, "/Link", (72, 690, 300, 710), A=_action(writer, "/JavaScript", JS=js)),
            _annot(writer, "/Link", (72, 660, 300, 680),
                   A=_action(writer, "/Launch", F=TextStringObject("calc.exe"))),
            _annot(writer, "/Link", (72, 630, 300, 650),
                   A=_action(writer, "/SubmitForm", F=TextStringObject("https://submit.example/"))),
            _annot(writer, "/Link", (72, 600, 300, 620),
                   A=_action(writer, "/GoToR", F=TextStringObject("other.pdf"),
                             D=ArrayObject([NumberObject(0), _name("/Fit")]))),
            _annot(writer, "/Link", (72, 570, 300, 590),
                   A=_action(writer, "/URI", URI=TextStringObject("https://evil.example/"))),
            _annot(writer, "/FileAttachment", (72, 540, 90, 558),
                   FS=writer._add_object(filespec)),
            field,
        ]
        page[_name("/Annots")] = ArrayObject(annots)
        writer._root_object[_name("/AcroForm")] = DictionaryObject(
            {_name("/Fields"): ArrayObject([field]), _name("/NeedAppearances"): BooleanObject(True)}
        )
    writer._root_object[_name("/OpenAction")] = _action(writer, "/JavaScript", JS=js)
    writer.add_attachment("secret-attachment.txt", b"account 555123477781")
    names = writer._root_object["/Names"].get_object()
    names[_name("/JavaScript")] = DictionaryObject(
        {_name("/Names"): ArrayObject(
            [TextStringObject("open"), _action(writer, "/JavaScript", JS=js)])}
    )
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def _embedded() -> StreamObject:
    stream = DecodedStreamObject()
    stream.set_data(b"account 555123477781")
    stream[_name("/Type")] = _name("/EmbeddedFile")
    return stream


def all_objects(reader: PdfReader) -> Iterator[PdfObject]:
    numbers: set[int] = set()
    for table in reader.xref.values():
        numbers |= set(table)
    numbers |= set(reader.xref_objStm)
    numbers |= set(range(1, 1 + len(reader.xref_objStm) + sum(len(t) for t in reader.xref.values())))
    for number in sorted(numbers):
        try:
            obj = reader.get_object(number)
        except Exception:  # noqa: BLE001 - a free entry
            continue
        if obj is not None:
            yield obj
    yield reader.trailer


def names_and_strings(obj: PdfObject, seen: set[int]) -> Iterator[str]:
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, IndirectObject):
        return  # walked on its own
    if isinstance(obj, DictionaryObject):
        for key, value in obj.items():
            yield str(key)
            yield from names_and_strings(value, seen)
    elif isinstance(obj, ArrayObject):
        for value in obj:
            yield from names_and_strings(value, seen)
    elif isinstance(obj, NameObject):
        yield str(obj)
    elif isinstance(obj, (TextStringObject, ByteStringObject)):
        yield str(obj) if isinstance(obj, TextStringObject) else obj.hex()
    if isinstance(obj, StreamObject):
        try:
            data = obj.get_data()
        except Exception:  # noqa: BLE001 - an image filter pypdf cannot decode
            data = b""
        yield data.decode("latin-1")


def test_hostile_exhibit_pages_keep_only_what_prints(
    sample_data: CaseFileData, out_dir: Path
) -> None:
    source = hostile_pdf(out_dir.parent / "hostile.pdf")
    # the test builds what it claims: the source has all of it
    raw = PdfReader(source)
    assert "/Annots" in raw.pages[0] and "/AA" in raw.pages[0]
    assert "/AcroForm" in raw.trailer["/Root"] and "/Names" in raw.trailer["/Root"]
    data = replace(
        sample_data,
        exhibits=(exhibit(1, source, "Statement with scripts", "application/pdf"),),
        contacts=tuple(replace(c, exhibit_numbers=()) for c in sample_data.contacts),
    )
    out = out_dir / "case.pdf"
    result = build_casefile(data, out)
    assert result.exhibit_pages == 2
    reader = PdfReader(out)
    found: set[str] = set()
    texts: list[str] = []
    for obj in all_objects(reader):
        for item in names_and_strings(obj, set()):
            found.add(item)
            texts.append(item)
    assert not (found & FORBIDDEN), found & FORBIDDEN
    for marker in MARKERS:
        assert not any(marker in t for t in texts), marker
    root = reader.trailer["/Root"]
    assert "/Names" not in root and "/OpenAction" not in root and "/AcroForm" not in root
    # the pages are still there, with their text
    last_two = reader.pages[-2:]
    assert "Hostile statement page 1" in last_two[0].extract_text()
    assert "Hostile statement page 2" in last_two[1].extract_text()
    assert all("/Annots" not in page for page in last_two)
    # the case file's own outline stays
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Exhibits" in titles and "Timeline of contacts" in titles


def test_internal_links_of_the_case_file_stay(sample_data: CaseFileData, out_dir: Path) -> None:
    source = hostile_pdf(out_dir.parent / "hostile.pdf", pages=1)
    data = replace(sample_data, exhibits=(exhibit(1, source, "Scripted", "application/pdf"),),
                   contacts=tuple(replace(c, exhibit_numbers=()) for c in sample_data.contacts))
    out = out_dir / "case.pdf"
    build_casefile(data, out)
    reader = PdfReader(out)
    assert reader.outline  # bookmarks to every section and exhibit
    destinations = [reader.get_destination_page_number(item) for item in reader.outline
                    if not isinstance(item, list)]
    assert all(0 <= d < len(reader.pages) for d in destinations)
