"""Tagged PDF (PDF/UA) on top of reportlab, which has no tagging API of its own.

Three parts:
- `StructNode`: the structure tree the renderer builds from the document model (Document, H1,
  P, L/LI/Lbl/LBody, Table/THead/TBody/TR/TH/TD, Figure, TOC/TOCI/Link).
- `Tagged`: a wrapper around a flowable that brackets what it draws in a marked-content
  sequence (`/P <</MCID n>> BDC ... EMC`) belonging to one node. `TaggingCanvas` numbers the
  sequences per page and keeps everything else on the page (table rules, backgrounds, the
  running footer) inside `/Artifact` sequences, so every piece of page content is either in
  the tree or an artifact.
- `finish`: after reportlab has written the file, pikepdf adds the structure tree, the parent
  tree, /MarkInfo, /Lang, DisplayDocTitle, the XMP packet with the PDF/UA identification, and
  ties each link annotation to a Link element.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
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
        self.width, self.height = self.inner.wrap(avail_width, avail_height)
        return self.width, self.height

    def wrapOn(self, canv: Any, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrapOn(canv, avail_width, avail_height)
        return self.width, self.height

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
        if not tagging or canvas.already_drawn(self):
            self.inner.drawOn(canvas, x, y, _sW)
            return
        actual = _plain_text(self.inner)
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
            canvas.linkRect(
                self.node.link_text,
                self.link,
                (x, y, x + w, y + self.height),
                relative=1,
                thickness=0,
            )
            canvas.record_link(self.node)


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
    """A PDF text string: UTF-16BE with its byte order mark, in hex."""
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


def tagging_canvas_class(draw_footer: Any) -> type:
    """A canvas class that numbers marked content per page and draws the running footer (an
    artifact) once the page count is known. `draw_footer(canvas, page, total)`."""
    from reportlab.pdfgen import canvas as rl_canvas

    class _Canvas(TaggingCanvas, rl_canvas.Canvas):
        def footer(self, page: int, total: int) -> None:
            draw_footer(self, page, total)

    return _Canvas


class TaggingCanvas:
    """Mixin for reportlab's Canvas; see `tagging_canvas_class`."""

    last: TaggingCanvas | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        self.pages_marks: list[list[StructNode]] = []  # per page: node of each MCID
        self.pages_links: list[list[StructNode]] = []  # per page: Link node of each annotation
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

    def record_link(self, node: StructNode) -> None:
        self._links.append(node)

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
        total = len(self._page_states)
        for number, state in enumerate(self._page_states, 1):
            self.__dict__.update(state)
            self._code.append(FOOTER_ARTIFACT)  # type: ignore[attr-defined]
            self.footer(number, total)
            self._code.append("EMC")  # type: ignore[attr-defined]
            super().showPage()  # type: ignore[misc]
        super().save()  # type: ignore[misc]

    def footer(self, page: int, total: int) -> None:
        raise NotImplementedError


# --- the structure tree, written after reportlab --------------------------------------------


def finish(
    data: bytes,
    root: StructNode,
    canvas: TaggingCanvas,
    *,
    title: str,
    author: str,
    subject: str,
    language: str,
) -> bytes:
    """`data` with its structure tree, parent tree and the catalogue entries of PDF/UA."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    pdf = pikepdf.open(io.BytesIO(data))
    pages = list(pdf.pages)
    # where every node's content is: (page, mcid), in drawing order
    content: dict[int, list[tuple[int, int]]] = {}
    for page_no, marks in enumerate(canvas.pages_marks):
        for mcid, node in enumerate(marks):
            content.setdefault(id(node), []).append((page_no, mcid))
    links: dict[int, list[tuple[int, Any]]] = {}
    for page_no, nodes in enumerate(canvas.pages_links):
        annots = [
            a for a in pages[page_no].obj.get("/Annots", Array()) if a.get("/Subtype") == "/Link"
        ]
        for node, annot in zip(nodes, annots, strict=False):
            links.setdefault(id(node), []).append((page_no, annot))

    tree_root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    parents: dict[tuple[int, int], Any] = {}
    annot_parents: list[Any] = []

    def has_content(node: StructNode) -> bool:
        return (
            id(node) in content
            or id(node) in links
            or node.tag in ("TD", "TH", "TR")  # keep the table's grid whole
            or any(has_content(c) for c in node.children)
        )

    def build(node: StructNode, parent: Any) -> Any:
        elem = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + node.tag), P=parent))
        kids = Array()
        first_page = None
        for page_no, mcid in content.get(id(node), []):
            page = pages[page_no].obj
            first_page = first_page if first_page is not None else page
            kids.append(Dictionary(Type=Name.MCR, Pg=page, MCID=mcid))
            parents[(page_no, mcid)] = elem
        for page_no, annot in links.get(id(node), []):
            page = pages[page_no].obj
            kids.append(Dictionary(Type=Name.OBJR, Obj=annot, Pg=page))
            annot.StructParent = len(pages) + len(annot_parents)
            annot_parents.append(elem)
            if node.link_text:
                annot.Contents = String(node.link_text)
        for child in node.children:
            if has_content(child):
                kids.append(build(child, elem))
        if first_page is not None:
            elem.Pg = first_page
        if node.alt:
            elem.Alt = String(node.alt)
        if node.scope:
            elem.A = Dictionary(O=Name.Table, Scope=Name("/" + node.scope))
        elif node.colspan > 1:
            elem.A = Dictionary(O=Name.Table, ColSpan=node.colspan)
        elem.K = kids
        return elem

    document = build(root, tree_root)
    tree_root.K = Array([document])
    nums = Array()
    for page_no, marks in enumerate(canvas.pages_marks):
        page = pages[page_no]
        page.obj.StructParents = page_no
        page.obj.Tabs = Name.S
        nums.append(page_no)
        nums.append(pdf.make_indirect(Array([parents[(page_no, m)] for m in range(len(marks))])))
    for n, elem in enumerate(annot_parents):
        nums.append(len(pages) + n)
        nums.append(elem)
    tree_root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
    tree_root.ParentTreeNextKey = len(pages) + len(annot_parents)
    pdf.Root.StructTreeRoot = tree_root
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.Lang = String(language)
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = title
        if author:
            meta["dc:creator"] = [author]
        if subject:
            meta["dc:description"] = subject
        meta["pdf:Producer"] = str(pdf.docinfo.get("/Producer", "ReportLab"))
        meta["xmp:CreatorTool"] = "Drugspreventie Werkbank"
        meta["pdfuaid:part"] = "1"
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()
