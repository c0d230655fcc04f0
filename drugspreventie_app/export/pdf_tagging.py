"""Tagged PDF (PDF/UA) on top of reportlab, which has no tagging API of its own.

Three parts:
- `StructNode`: the structure tree the renderer builds from the document model (Document, H1,
  P, L/LI/Lbl/LBody, Table/THead/TBody/TR/TH/TD, Figure, TOC/TOCI/Link).
- `Tagged`: a wrapper around a flowable that brackets what it draws in a marked-content
  sequence (`/P <</MCID n>> BDC ... EMC`) belonging to one node. `TaggingCanvas` numbers the
  sequences per page and keeps everything else on the page (table rules, backgrounds, the
  running footer) inside `/Artifact` sequences, so every piece of page content is either in
  the tree or an artifact.
- `TaggingCanvas.save` writes, as reportlab objects in the same file, the structure tree, the
  parent tree, /MarkInfo, /Lang, DisplayDocTitle, the XMP packet with the PDF/UA
  identification, and ties each link annotation to a Link element.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from reportlab.pdfbase import ttfonts
from reportlab.platypus import paragraph as _paragraph
from reportlab.platypus.flowables import Flowable

ARTIFACT = "/Artifact BMC"
FOOTER_ARTIFACT = "/Artifact <</Type /Pagination /Subtype /Footer>> BDC"


@dataclass(eq=False)
class StructNode:
    """One structure element; `attrs` are PDF keys such as Alt, or ('A', {...})."""

    tag: str
    children: list[StructNode] = field(default_factory=list)
    alt: str = ""
    scope: str = ""  # TH: Column or Row
    link_text: str = ""  # Link: the annotation's description
    colspan: int = 1  # TD/TH spanning more than one column

    def add(self, tag: str, **kwargs: Any) -> StructNode:
        child = StructNode(tag, **kwargs)
        self.children.append(child)
        return child


# --- marked content while drawing -----------------------------------------------------------


class Tagged(Flowable):
    """Draws `inner` as marked content of `node`. A list item passes its Lbl node: the bullet
    then becomes the label and the text the body. A flowable drawn a second time (a table's
    header row repeated on the next page) is an artifact there: the tree has it once."""

    def __init__(
        self,
        inner: Any,
        node: StructNode,
        *,
        label: StructNode | None = None,
        link: str | None = None,
        toc_entry: tuple[int, str] | None = None,
    ) -> None:
        super().__init__()
        self.inner = inner
        self.node = node
        self.label = label
        self.link = link  # bookmark key the drawn area links to
        self.toc_entry = toc_entry

    # layout is the inner flowable's
    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped_at(avail_width):
            self.width, self.height = self.inner.width, self.inner.height
        else:
            self.width, self.height = self.inner.wrap(avail_width, avail_height)
        return self.width, self.height

    def wrapOn(self, canv: Any, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped_at(avail_width):
            self.width, self.height = self.inner.width, self.inner.height
        else:
            self.width, self.height = self.inner.wrapOn(canv, avail_width, avail_height)
        return self.width, self.height

    def _wrapped_at(self, avail_width: float) -> bool:
        """A paragraph's lines depend on the width alone, and reportlab measures the same
        paragraph again and again (the heading check, a table's rows, every pass of a
        document with contents): break its lines once per width."""
        inner = self.inner
        return (
            type(inner) is _paragraph.Paragraph
            and avail_width >= _paragraph._FUZZ
            and getattr(inner, "blPara", None) is not None
            and inner.width == avail_width
            # the first part of a split holds provisional lines that the next wrap redoes
            and not getattr(inner, "_splitpara", 0)
        )

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts = self.inner.split(avail_width, avail_height)
        return [
            Tagged(p, self.node, label=self.label if n == 0 else None, link=self.link)
            for n, p in enumerate(parts)
        ]

    def splitOn(self, canv: Any, avail_width: float, avail_height: float) -> list[Any]:
        parts = self.inner.splitOn(canv, avail_width, avail_height)
        return [
            Tagged(p, self.node, label=self.label if n == 0 else None, link=self.link)
            for n, p in enumerate(parts)
        ]

    def getSpaceBefore(self) -> float:
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.inner.getSpaceAfter()

    def minWidth(self) -> float:
        return self.inner.minWidth()

    def identity(self, maxLen: int | None = None) -> str:
        return f"Tagged[{self.node.tag}]({self.inner.identity(maxLen)})"

    def __getattr__(self, name: str) -> Any:
        # hAlign, style, getPlainText, ... are the inner flowable's
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        tagging = isinstance(canvas, TaggingCanvas)
        if tagging and canvas.layout_only:
            return
        if not tagging or canvas.already_drawn(self):
            self.inner.drawOn(canvas, x, y, _sW)
            return
        # a contents entry is one line, broken by its dots and page number (artifacts)
        actual = None if self.link else _plain_text(self.inner)
        if self.label is not None:
            # the bullet comes first; _draw_bullet_tagged then opens the body
            canvas.begin_marked(self.label)
            canvas.pending_body, canvas.pending_actual = self.node, actual
        else:
            canvas.begin_marked(self.node, actual)
        try:
            self.inner.drawOn(canvas, x, y, _sW)
        finally:
            canvas.pending_body = canvas.pending_actual = None
            canvas.end_marked()
        if self.link:
            w = getattr(self.inner, "width", self.width)
            canvas.tagged_link(self.node, self.link, (x, y, x + w, y + self.height))


def _draw_bullet_tagged(canvas: Any, *args: Any, **kwargs: Any) -> Any:
    """reportlab's bullet drawing, as the list item's label when the item asked for one."""
    body = getattr(canvas, "pending_body", None)
    if body is None:
        return _original_draw_bullet(canvas, *args, **kwargs)
    try:
        return _original_draw_bullet(canvas, *args, **kwargs)
    finally:
        canvas.end_marked()
        canvas.begin_marked(body, canvas.pending_actual)
        canvas.pending_body = canvas.pending_actual = None


_original_draw_bullet = _paragraph._drawBullet
_paragraph._drawBullet = _draw_bullet_tagged


def _plain_text(flowable: Any) -> str | None:
    """What a paragraph says, as one line: the marked content's /ActualText, so that words
    at the end of a line do not run together when the text is read out or copied (reportlab
    draws no space where it breaks a line)."""
    frags = getattr(flowable, "frags", None)
    if not frags:
        return None
    if _paragraph._processed_frags(frags):
        text = flowable.getPlainText()
    else:
        text = "".join(
            " " if getattr(f, "lineBreak", False) else getattr(f, "text", "") for f in frags
        )
    return " ".join(text.split()) or None


def _pdf_text_string(text: str) -> str:
    """A PDF text string: plain ASCII as a literal, anything else UTF-16BE (with its byte
    order mark) in hex."""
    if text.isascii() and text.isprintable():
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return f"({escaped})"
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, corrected: code points beyond U+FFFF (emoji) as UTF-16
    surrogate pairs, so copying 😀 out of the PDF gives 😀; and unused codes (U+0000) left out
    rather than mapped to a character that does not exist."""
    entries = []
    for code, value in enumerate(subset):
        if value <= 0:
            continue
        units = chr(value).encode("utf-16-be").hex().upper()
        entries.append(f"<{code:02X}> <{units}>")
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            *_bfchar_blocks(entries),
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _bfchar_blocks(entries: list[str]) -> list[str]:
    out: list[str] = []
    for start in range(0, len(entries), 100):  # at most 100 mappings per block
        chunk = entries[start : start + 100]
        out += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return out


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    author: str
    subject: str
    language: str


def tagging_canvas_class(draw_footer: Any, root: StructNode, info: DocumentInfo) -> type:
    """A canvas class that numbers marked content per page, draws the running footer (an
    artifact) once the page count is known (`draw_footer(canvas, page, total)`) and writes
    the structure tree of `root` into the file."""
    from reportlab.pdfgen import canvas as rl_canvas

    class _Canvas(TaggingCanvas, rl_canvas.Canvas):
        def footer(self, page: int, total: int) -> None:
            draw_footer(self, page, total)

    _Canvas.root, _Canvas.info = root, info
    return _Canvas


class TaggingCanvas:
    """Mixin for reportlab's Canvas; see `tagging_canvas_class`."""

    last: TaggingCanvas | None = None
    layout_only = False  # a pass that is never saved: places flowables, draws no text

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        self.pages_marks: list[list[StructNode]] = []  # per page: node of each MCID
        self.pages_links: list[list[tuple[StructNode, Any, int]]] = []  # per page: links
        self._link_count = 0
        self._page_objects: list[Any] = []
        self._page_states: list[dict[str, Any]] = []
        self.token = object()  # one per canvas, i.e. per build pass
        self.current_node: StructNode | None = None
        self.pending_body: StructNode | None = None
        self.pending_actual: str | None = None
        self._mark_start = -1
        self._marks: list[StructNode] = []
        self._links: list[StructNode] = []
        self._code.append(ARTIFACT)  # type: ignore[attr-defined]
        type(self).last = self

    # -- marked content --
    def already_drawn(self, flowable: Any) -> bool:
        # marked on the flowable itself: an id() of a freed flowable is reused by new ones
        if getattr(flowable, "_drawn_by", None) is self.token:
            return True
        flowable._drawn_by = self.token
        return False

    def begin_marked(self, node: StructNode, actual: str | None = None) -> None:
        code = self._code  # type: ignore[attr-defined]
        code.append("EMC")  # leave the artifact
        extra = f" /ActualText {_pdf_text_string(actual)}" if actual else ""
        code.append(f"/{node.tag} <</MCID {len(self._marks)}{extra}>> BDC")
        self._marks.append(node)
        self.current_node = node
        self._mark_start = len(code)

    def end_marked(self) -> None:
        code = self._code  # type: ignore[attr-defined]
        if len(code) == self._mark_start:  # nothing drawn: no empty sequence in the tree
            code.pop()
            self._marks.pop()
            code.append(ARTIFACT)
        else:
            code.append("EMC")
            code.append(ARTIFACT)
        self.current_node = None

    def tagged_link(self, node: StructNode, key: str, rect: tuple[float, ...]) -> None:
        """A link annotation over `rect` to bookmark `key`, described by the node's text."""
        struct_parent = LINK_KEYS + self._link_count
        self._link_count += 1
        annotation = _struct_link(
            Rect=self._absRect(rect, 1),  # type: ignore[attr-defined]
            Contents=node.link_text,
            Destination=self._bookmarkReference(key),  # type: ignore[attr-defined]
            Border="[0 0 0]",
            StructParent=struct_parent,
        )
        self._addAnnotation(annotation, None, 1)  # type: ignore[attr-defined]
        self._links.append((node, annotation, struct_parent))

    # -- pages --
    def showPage(self) -> None:
        self._code.append("EMC")  # type: ignore[attr-defined]
        self.pages_marks.append(self._marks)
        self.pages_links.append(self._links)
        self._marks, self._links = [], []
        self._page_states.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]
        self._code.append(ARTIFACT)  # type: ignore[attr-defined]

    def save(self) -> None:
        from reportlab.pdfbase.pdfdoc import PDFPage

        total = len(self._page_states)
        states = self._page_states
        for number, state in enumerate(states, 1):
            self.__dict__.update(state)
            self._code.append(FOOTER_ARTIFACT)  # type: ignore[attr-defined]
            self.footer(number, total)
            self._code.append("EMC")  # type: ignore[attr-defined]
            super().showPage()  # type: ignore[misc]
            page = self._doc.Pages.pages[-1]  # type: ignore[attr-defined]
            page.__NoDefault__ = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]
            page.StructParents, page.Tabs = number - 1, "/S"
            self._page_objects.append(page)
        _write_structure(self, type(self).root, type(self).info)  # type: ignore[attr-defined]
        super().save()  # type: ignore[misc]

    def footer(self, page: int, total: int) -> None:
        raise NotImplementedError


# --- the structure tree, written into reportlab's document -----------------------------------

LINK_KEYS = 100_000  # parent-tree keys of link annotations: after those of the pages


@cache
def _link_annotation_class() -> type:
    from reportlab.pdfbase.pdfdoc import LinkAnnotation

    class StructLink(LinkAnnotation):
        permitted = (*LinkAnnotation.permitted, "StructParent")

    return StructLink


def _struct_link(**kw: Any) -> Any:
    """A link annotation that may name its place in the parent tree."""
    return _link_annotation_class()(**kw)


def _formatted_object() -> Any:
    """An indirect object whose bytes are written in advance: the structure tree holds an
    element for every paragraph and cell, too many to format key by key at save time."""
    from reportlab.pdfbase.pdfdoc import PDFObject

    class Formatted(PDFObject):
        data = b""

        def format(self, document: Any) -> bytes:
            return self.data

    return Formatted


def _write_structure(canvas: TaggingCanvas, root: StructNode, info: DocumentInfo) -> None:
    """The structure tree, parent tree and catalogue entries of a tagged PDF (PDF/UA)."""
    from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFStream, PDFString

    doc = canvas._doc  # type: ignore[attr-defined]
    numbers = doc.idToObjectNumberAndVersion
    formatted = _formatted_object()

    def register(obj: Any) -> str:
        """Adds `obj` to the file; its reference as written in another object."""
        number, generation = numbers[doc.Reference(obj).name]
        return f"{number} {generation} R"

    pages = [register(p) for p in canvas._page_objects]
    content: dict[int, list[tuple[int, int]]] = {}
    for page_no, marks in enumerate(canvas.pages_marks):
        for mcid, node in enumerate(marks):
            content.setdefault(id(node), []).append((page_no, mcid))
    links: dict[int, list[tuple[int, Any, int]]] = {}
    for page_no, page_links in enumerate(canvas.pages_links):
        for node, annotation, key in page_links:
            links.setdefault(id(node), []).append((page_no, annotation, key))
    parents: list[list[str]] = [[""] * len(marks) for marks in canvas.pages_marks]
    link_parents: list[tuple[int, str]] = []
    kept: dict[int, bool] = {}

    def has_content(node: StructNode) -> bool:
        key = id(node)
        if key not in kept:
            kept[key] = (
                key in content
                or key in links
                or node.tag in ("TD", "TH", "TR")  # keep the table's grid whole
                or any([has_content(c) for c in node.children])
            )
        return kept[key]

    def build(node: StructNode, parent: str) -> str:
        elem = formatted()
        ref = register(elem)
        own = content.get(id(node), [])
        page = own[0][0] if own else -1
        kids: list[str] = []
        for page_no, mcid in own:
            # a bare MCID refers to the element's own page
            kids.append(
                str(mcid)
                if page_no == page
                else f"<< /Type /MCR /Pg {pages[page_no]} /MCID {mcid} >>"
            )
            parents[page_no][mcid] = ref
        for page_no, annotation, key in links.get(id(node), []):
            kids.append(f"<< /Type /OBJR /Obj {register(annotation)} /Pg {pages[page_no]} >>")
            link_parents.append((key, ref))
        kids += [build(child, ref) for child in node.children if has_content(child)]
        entries = [f"<< /Type /StructElem /S /{node.tag} /P {parent}"]
        if own:
            entries.append(f"/Pg {pages[page]}")
        if node.alt:
            entries.append("/Alt " + PDFString(node.alt).format(doc).decode("latin-1"))
        if node.scope:
            entries.append(f"/A << /O /Table /Scope /{node.scope} >>")
        elif node.colspan > 1:
            entries.append(f"/A << /O /Table /ColSpan {node.colspan} >>")
        entries.append("/K [" + " ".join(kids) + "] >>")
        elem.data = "\n".join(entries).encode("latin-1")
        return ref

    tree = formatted()
    tree_ref = register(tree)
    top = build(root, tree_ref)
    nums: list[str] = []
    for page_no, refs in enumerate(parents):
        nums.append(f"{page_no} [{' '.join(refs)}]")
    nums += [f"{key} {ref}" for key, ref in link_parents]
    parent_tree = formatted()
    parent_tree.data = ("<< /Nums [" + "\n".join(nums) + "] >>").encode("latin-1")
    tree.data = (
        f"<< /Type /StructTreeRoot /K [{top}] /ParentTree {register(parent_tree)}"
        f" /ParentTreeNextKey {LINK_KEYS + canvas._link_count} >>"
    ).encode("latin-1")
    catalog = doc.Catalog
    catalog.StructTreeRoot = doc.Reference(tree)
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    catalog.Lang = PDFString(info.language)
    catalog.ViewerPreferences = PDFDictionary({"DisplayDocTitle": "true"})
    xmp = _xmp(
        title=info.title,
        author=info.author,
        subject=info.subject,
        language=info.language,
        producer="ReportLab PDF Library - www.reportlab.com",
    )
    metadata = PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")})
    catalog.Metadata = doc.Reference(PDFStream(metadata, xmp))


def _xmp(*, title: str, author: str, subject: str, language: str, producer: str) -> bytes:
    """The XMP packet: title, author, subject and the PDF/UA-1 identification."""
    from xml.sax.saxutils import escape

    def alt(value: str) -> str:
        return (
            f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li>'
            f'<rdf:li xml:lang="{escape(language)}">{escape(value)}</rdf:li></rdf:Alt>'
        )

    creator = f"<dc:creator><rdf:Seq><rdf:li>{escape(author)}</rdf:li></rdf:Seq></dc:creator>"
    description = f"<dc:description>{alt(subject)}</dc:description>" if subject else ""
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about=""'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
        f"<dc:title>{alt(title)}</dc:title>"
        f"{creator if author else ''}{description}"
        f"<dc:language><rdf:Bag><rdf:li>{escape(language)}</rdf:li></rdf:Bag></dc:language>"
        f"<pdf:Producer>{escape(producer)}</pdf:Producer>"
        "<xmp:CreatorTool>Drugspreventie Werkbank</xmp:CreatorTool>"
        "<pdfuaid:part>1</pdfuaid:part>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")
