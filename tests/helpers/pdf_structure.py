"""Read a tagged PDF the way assistive technology does, with pikepdf only: the structure tree
in order, the text of every marked-content sequence (through the fonts' ToUnicode maps), and
what lies outside both the tree and the artifacts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

PAINTING = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "Tj", "TJ", "'", '"'}
TEXT_SHOW = {"Tj", "TJ", "'", '"'}
NEW_LINE = {"Td", "TD", "T*", "Tm", "BT", "'", '"'}
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


@dataclass
class Element:
    tag: str
    alt: str = ""
    scope: str = ""
    children: list[Element] = field(default_factory=list)
    mcids: list[tuple[int, int]] = field(default_factory=list)  # (page, mcid)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class TaggedPdf:
    root: Element
    page_texts: list[dict[int, str]]  # per page: MCID -> text
    untagged: list[str]  # painting operators outside marked content and artifacts
    unreferenced: list[tuple[int, int]]  # MCIDs on a page that no element claims
    fonts: list[tuple[str, bool, bool]]  # (BaseFont, embedded, has ToUnicode)
    catalog: dict

    def text_of(self, element: Element, skip: tuple[str, ...] = ()) -> str:
        """The element's text in reading order, leaving out subtrees tagged `skip`."""
        if element.tag in skip:
            return ""
        parts = [self.page_texts[p].get(m, "") for p, m in element.mcids]
        parts += [self.text_of(c, skip) for c in element.children]
        return " ".join(p for p in parts if p)


def _cmap(font: pikepdf.Object) -> dict[int, str]:
    stream = font.get("/ToUnicode")
    if stream is None:
        return {}
    out = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream.read_bytes(), re.S):
        for code, value in _BFCHAR.findall(block):
            out[int(code, 16)] = bytes.fromhex(value.decode()).decode("utf-16-be")
    return out


def _decode(data: bytes, cmap: dict[int, str]) -> str:
    return "".join(cmap.get(b, "") for b in data)


def read(path: Path) -> TaggedPdf:
    pdf = pikepdf.open(path)
    pages = list(pdf.pages)
    page_index = {page.obj.objgen: n for n, page in enumerate(pages)}
    page_texts: list[dict[int, str]] = []
    untagged: list[str] = []
    fonts: dict[str, tuple[str, bool, bool]] = {}
    for n, page in enumerate(pages):
        resources = page.obj.get("/Resources", {})
        font_dict = resources.get("/Font", {})
        cmaps = {}
        for name, font in font_dict.items():
            descriptor = font.get("/FontDescriptor", {})
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font.get("/BaseFont"))] = (
                str(font.get("/BaseFont")),
                embedded,
                "/ToUnicode" in font,
            )
            cmaps[name] = _cmap(font)
        texts: dict[int, list[str]] = {}
        stack: list[tuple[str, int | None]] = []
        cmap: dict[int, str] = {}
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                tag = str(operands[0])
                mcid = None
                if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                    mcid = int(operands[1].get("/MCID", -1))
                    mcid = None if mcid < 0 else mcid
                if mcid is not None:
                    texts.setdefault(mcid, [])
                stack.append((tag, mcid))
            elif op == "EMC":
                stack.pop()
            elif op == "Tf":
                cmap = cmaps.get(str(operands[0]), {})
            current = next((m for _, m in reversed(stack) if m is not None), None)
            in_artifact = any(t == "/Artifact" for t, _ in stack)
            if op in PAINTING and current is None and not in_artifact:
                untagged.append(f"pagina {n + 1}: {op}")
            if current is None or in_artifact:
                continue
            bucket = texts.setdefault(current, [])
            if op in NEW_LINE and bucket and not bucket[-1].endswith(" "):
                bucket.append(" ")
            if op in TEXT_SHOW:
                shown = operands[-1]
                if op == "TJ":
                    bucket.append(
                        "".join(
                            _decode(bytes(x), cmap) for x in shown if isinstance(x, pikepdf.String)
                        )
                    )
                else:
                    bucket.append(_decode(bytes(shown), cmap))
        page_texts.append({m: " ".join("".join(t).split()) for m, t in texts.items()})

    claimed: set[tuple[int, int]] = set()

    def build(obj: pikepdf.Object) -> Element:
        element = Element(str(obj.get("/S", "")).lstrip("/"))
        if "/Alt" in obj:
            element.alt = str(obj.Alt)
        attrs = obj.get("/A")
        if isinstance(attrs, pikepdf.Dictionary) and "/Scope" in attrs:
            element.scope = str(attrs.Scope).lstrip("/")
        kids = obj.get("/K")
        if kids is None:
            return element
        if not isinstance(kids, pikepdf.Array):
            kids = [kids]
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                key = (page_index[kid.Pg.objgen], int(kid.MCID))
                element.mcids.append(key)
                claimed.add(key)
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                continue
            elif isinstance(kid, pikepdf.Dictionary):
                element.children.append(build(kid))
            else:  # a bare MCID on the element's own page
                key = (page_index[obj.Pg.objgen], int(kid))
                element.mcids.append(key)
                claimed.add(key)
        return element

    tree = pdf.Root.get("/StructTreeRoot")
    root = Element("StructTreeRoot")
    if tree is not None:
        kids = tree.K if isinstance(tree.K, pikepdf.Array) else [tree.K]
        root.children = [build(k) for k in kids]
    unreferenced = [
        (n, m) for n, texts in enumerate(page_texts) for m in texts if (n, m) not in claimed
    ]
    meta = pdf.open_metadata()
    catalog = {
        "lang": str(pdf.Root.get("/Lang", "")),
        "marked": bool(pdf.Root.get("/MarkInfo", {}).get("/Marked", False)),
        "display_title": bool(
            pdf.Root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)
        ),
        "pdfua_part": str(meta.get("pdfuaid:part", "")),
        "xmp_title": str(meta.get("dc:title", "")),
        "link_contents": [
            str(a.get("/Contents", ""))
            for page in pages
            for a in page.obj.get("/Annots", [])
            if a.get("/Subtype") == "/Link"
        ],
    }
    return TaggedPdf(root, page_texts, untagged, unreferenced, list(fonts.values()), catalog)
