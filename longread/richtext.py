"""Rich text for the API: the HTML as readers get it, and the same text as a structured list.

`{"html": "<p>…</p>", "content": [...]}`. The structure lets a native app render rich text
without an HTML parser. It holds blocks, each with inline children:

- `{"type": "paragraph", "children": [...]}`
- `{"type": "heading", "level": 2, "children": [...]}`
- `{"type": "list", "ordered": false, "items": [[...blocks of the first item...], ...]}`

and inline nodes:

- `{"type": "text", "text": "…", "marks": ["bold", "italic"]}`
- `{"type": "link", "href": "https://…", "children": [text nodes]}`
- `{"type": "line_break"}`

Links are absolute (`longread.absolute`), in the HTML and in the structure alike.
"""

from bs4 import BeautifulSoup, NavigableString, Tag
from wagtail.rich_text import expand_db_html

from longread.absolute import absolute_url

MARKS = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCK_TAGS = {"p", "ul", "ol", "blockquote", "div", *HEADINGS}


def rich_text_api(source: str | None, request=None) -> dict:
    from longread.rich_text import with_relative_links_checked  # imports page models

    html = with_relative_links_checked(expand_db_html(source or ""))
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(["a", "img"]):
        for attribute in ("href", "src"):
            if tag.get(attribute):
                tag[attribute] = absolute_url(tag[attribute], request)
    return {"html": str(soup), "content": blocks_of(soup)}


def blocks_of(parent) -> list[dict]:
    """The block nodes of an element's children; loose inline content becomes a paragraph."""
    blocks, loose = [], []

    def flush():
        children = [
            node for node in loose if node.get("text", "x").strip() or node["type"] != "text"
        ]
        if children:
            blocks.append({"type": "paragraph", "children": children})
        loose.clear()

    for child in parent.children:
        if isinstance(child, Tag) and child.name in BLOCK_TAGS:
            flush()
            blocks.extend(block_of(child))
        else:
            loose.extend(inline_of(child, ()))
    flush()
    return blocks


def block_of(tag: Tag) -> list[dict]:
    if tag.name in HEADINGS:
        return [{"type": "heading", "level": HEADINGS[tag.name], "children": inlines(tag)}]
    if tag.name in ("ul", "ol"):
        items = [blocks_of(item) for item in tag.find_all("li", recursive=False)]
        return [{"type": "list", "ordered": tag.name == "ol", "items": items}]
    if tag.name == "p":
        return [{"type": "paragraph", "children": inlines(tag)}]
    return blocks_of(tag)  # a wrapper (div, blockquote): its blocks


def inlines(tag: Tag, marks=()) -> list[dict]:
    return [node for child in tag.children for node in inline_of(child, marks)]


def inline_of(node, marks) -> list[dict]:
    if isinstance(node, NavigableString):
        text = str(node)
        return [{"type": "text", "text": text, "marks": list(marks)}] if text else []
    if not isinstance(node, Tag):
        return []
    if node.name == "br":
        return [{"type": "line_break"}]
    if node.name == "a":
        return [{"type": "link", "href": node.get("href", ""), "children": inlines(node, marks)}]
    mark = MARKS.get(node.name)
    if mark and mark not in marks:
        marks = (*marks, mark)
    return inlines(node, marks)
