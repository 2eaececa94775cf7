"""Writes the C ABI reference (docs/_generated/c_api.rst) from c_api.h's comments.

The header is the one place the ABI is written down; this reads it, in order:
  - the file comment (the conventions every function follows),
  - each section ("/* ---- name */") with the comment that opens it,
  - each MXL_API function with the comment block right above it (a comment followed
    by #defines still belongs to the function after them) and any trailing comment,
  - the #define constants and typedefs, shown as C in their section.
A function declared right after another one with no comment of its own is shown as
sharing that comment's group. Each function gets "Ownership" and "Errors" notes: the
sentences of its comment about them, else the header-wide convention that applies.
Fails (SystemExit) if an MXL_API declaration cannot be read, so none is left out.

Run by conf.py at build time; also: python docs/_ext/gen_capi.py c_api.h OUT.rst
"""
import re
import sys

import rst_text

SECTION = re.compile(r"^/\* -+ ([^*]+?) \*/$")
DECL = re.compile(r"^MXL_API\s+(.+?)\b(mxl_\w+)\s*\(")
OWNERSHIP_WORDS = re.compile(r"frees|_free\b|owned|ownership|valid until|valid for|"
                             r"stays valid|keeps|new handles?\b|holds its own", re.I)
ERROR_WORDS = re.compile(r"MXL_ERR_|error|never fails|fails|raises|refus|reject", re.I)


def _comment_text(block):
    """Text of a /* ... */ comment (one or many lines), without the markers."""
    text = re.sub(r"^/\*+|\*+/$", "", block.strip()).strip()
    lines = [re.sub(r"^\s*\*\s?", "", l) for l in text.splitlines()]
    return "\n".join(lines).strip()


def _sentences(text):
    flat = " ".join(text.split())
    return [s.strip() for s in re.split(r"(?<=[.;:])\s+(?=[A-Z*(])", flat) if s.strip()]


def parse(header_text):
    """(file_comment, [section]); a section is {name, intro, items}; an item is
    ("c", (comment, code)) for constants and typedefs, or ("fn", {name, decl, comment,
    trailing, shared_with, group_head}) for a function."""
    lines = header_text.splitlines()
    # the file comment
    start = next(k for k, l in enumerate(lines) if l.startswith("/*"))
    end = next(k for k in range(start, len(lines)) if "*/" in lines[k])
    file_comment = _comment_text("\n".join(lines[start:end + 1]))
    i = end + 1
    sections = []
    current = None
    pending = None          # comment waiting for its declaration
    pending_code = []       # #define / typedef lines shown with the section
    last_fn = None          # the function just declared (for shared comments)
    blank_since_fn = True
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        m = SECTION.match(s)
        if m:
            current = {"name": m.group(1).strip(), "intro": "", "items": []}
            sections.append(current)
            pending, last_fn, blank_since_fn = None, None, True
            # a comment right below the header line (then a blank line) opens the section
            j = i + 1
            if j < len(lines) and lines[j].startswith("/*") and not DECL.match(lines[j]):
                k = j
                while "*/" not in lines[k]:
                    k += 1
                block = "\n".join(lines[j:k + 1])
                after = lines[k + 1].strip() if k + 1 < len(lines) else ""
                if after == "":
                    current["intro"] = _comment_text(block)
                    i = k + 1
                    continue
            i += 1
            continue
        if current is None:
            i += 1
            continue
        if s == "":
            blank_since_fn = True
            if pending_code:
                # constants that end at a blank line keep the comment above them
                current["items"].append(("c", (pending or "", "\n".join(pending_code))))
                pending_code, pending = [], None
            i += 1
            continue
        if s.startswith("/*"):
            k = i
            while "*/" not in lines[k]:
                k += 1
            pending = _comment_text("\n".join(lines[i:k + 1]))
            i = k + 1
            continue
        if s.startswith("MXL_API"):
            k = i
            while ";" not in lines[k]:
                k += 1
            decl_lines = lines[i:k + 1]
            decl = " ".join(l.strip() for l in decl_lines)
            m = DECL.match(decl)
            if not m:
                raise SystemExit("gen_capi: cannot read the declaration %r" % decl)
            trailing = ""
            tm = re.search(r";\s*(/\*.*\*/)\s*$", decl)
            if tm:
                trailing = _comment_text(tm.group(1))
                decl = decl[:tm.start()] + ";"
            decl = re.sub(r"^MXL_API\s+", "", decl)
            decl = re.sub(r"\(\s+", "(", re.sub(r"\s+", " ", decl))
            if pending_code:
                # constants between a comment and its declaration: the comment is the function's
                current["items"].append(("c", ("", "\n".join(pending_code))))
                pending_code = []
            comment = pending or ""
            shared = None
            if not comment and last_fn is not None and not blank_since_fn:
                shared = last_fn["group_head"]
            fn = {"name": m.group(2), "decl": decl, "comment": comment, "trailing": trailing,
                  "shared_with": shared}
            fn["group_head"] = fn["name"] if comment or shared is None else shared
            current["items"].append(("fn", fn))
            pending, last_fn, blank_since_fn = None, fn, False
            i = k + 1
            continue
        if s.startswith("#if") or s.startswith("#endif") or s.startswith("#ifdef"):
            i += 1
            continue
        # #define, typedef (a struct spans lines: kept together until a blank line)
        pending_code.append(line)
        i += 1
    return file_comment, sections


def notes(fn, kind):
    text = " ".join(x for x in (fn["comment"], fn["trailing"]) if x)
    words = OWNERSHIP_WORDS if kind == "ownership" else ERROR_WORDS
    found = [s for s in _sentences(text) if words.search(s)]
    if kind == "ownership":
        return " ".join(found) if found else default_ownership(fn["decl"])
    said = " ".join(found) if found else (
        "Returns MXL_OK or an MXL_ERR_* code, with the message from mxl_last_error().")
    params = fn["decl"][fn["decl"].index("(") + 1:fn["decl"].rindex(")")]
    # handles passed in: by value, or as a const array of them (not out-parameters)
    handles = sorted({m.group(2) for m in re.finditer(
        r"(const\s+)?\b(mxl_ndarray|mxl_symbol|mxl_executor)\b(\s*\*)?", params)
        if m.group(1) or not m.group(3)})
    if handles and "INVALID_HANDLE" not in said:
        said += (" A freed or foreign %s, or NULL where one is required, is "
                 "MXL_ERR_INVALID_HANDLE, never a crash." % " or ".join(handles))
    return said


FREE_OF = {"mxl_ndarray": "mxl_nd_free", "mxl_symbol": "mxl_symbol_free",
           "mxl_executor": "mxl_executor_free"}


def default_ownership(decl):
    """The header-wide rule as it applies to this signature's out-parameters."""
    params = decl[decl.index("(") + 1:decl.rindex(")")]
    name = DECL.match("MXL_API " + decl).group(2)
    if name.endswith("_free"):
        return ("Releases the caller's handle; using it afterwards returns "
                "MXL_ERR_INVALID_HANDLE. Work still pending on the object is unaffected.")
    said = []
    for handle, free in FREE_OF.items():
        if any(re.match(r"%s\s*\*+\s*\w+$" % handle, p.strip()) for p in params.split(",")):
            said.append("a returned %s is a new handle the caller frees with %s." % (handle, free))
    if "mxl_op*" in params.replace(" ", ""):
        said.append("a returned mxl_op is static: valid for the process, never freed.")
    outs = [p for p in params.split(",")
            if re.search(r"const (char|int|int64_t)\s*\*\*", p)
            and not re.search(r"\*\*\s*(keys|vals|names)$", p.strip())]
    if outs:
        said.append("returned strings and arrays belong to the library and stay valid until "
                    "the next call on this thread: copy what you keep.")
    if not said:
        return "Nothing to free: it returns no handle, string or array."
    return "By the header-wide rule, " + " ".join(said)


def render(file_comment, sections):
    n_fn = sum(1 for s in sections for kind, _ in s["items"] if kind == "fn")
    out = ["..", "   Generated by docs/_ext/gen_capi.py from capi/include/mxlite/c_api.h; do not edit.",
           "", "C ABI reference", "===============", "",
           "Every one of the %d functions of ``capi/include/mxlite/c_api.h``, in header order, with "
           "the comment the header gives it. The header is the source of truth; this page is "
           "regenerated from it on every documentation build." % n_fn, "",
           "Conventions", "-----------", "", "From the header's opening comment:", "",
           "::", ""]
    out += ["   " + l if l else "" for l in file_comment.splitlines()] + [""]
    for sec in sections:
        title = sec["name"][0].upper() + sec["name"][1:]
        out += [title, "-" * len(title), ""]
        if sec["intro"]:
            out += [rst_text.escape(" ".join(sec["intro"].split())), ""]
        for kind, item in sec["items"]:
            if kind == "c":
                comment, code = item
                if comment:
                    out += [rst_text.escape(" ".join(comment.split())), ""]
                out += [".. code-block:: c", ""] + ["   " + l for l in code.splitlines()] + [""]
                continue
            fn = item
            out += [".. c:function:: " + fn["decl"].rstrip(";"), ""]
            body = " ".join(x for x in (fn["comment"], fn["trailing"]) if x)
            if body:
                out += ["   " + rst_text.escape(" ".join(body.split())), ""]
            elif fn["shared_with"]:
                out += ["   The header gives it no comment of its own; it is declared right "
                        "after :c:func:`%s`, whose comment may cover it." % fn["shared_with"], ""]
            else:
                out += ["   The header gives no comment beyond its section's.", ""]
            out += ["   :Ownership: " + rst_text.escape(notes(fn, "ownership")),
                    "   :Errors: " + rst_text.escape(notes(fn, "errors")), ""]
    return "\n".join(out) + "\n", n_fn


def generate(header, path):
    with open(header, encoding="utf-8") as f:
        text = f.read()
    file_comment, sections = parse(text)
    rst, n_fn = render(file_comment, sections)
    declared = set(re.findall(r"^MXL_API\s+[^(]*?\b(mxl_\w+)\s*\(", text, re.M))
    documented = set(re.findall(r"^\.\. c:function:: .*?\b(mxl_\w+)\(", rst, re.M))
    if declared != documented:
        raise SystemExit("gen_capi: functions missing from the reference: %s"
                         % sorted(declared ^ documented))
    with open(path, "w", encoding="utf-8") as f:
        f.write(rst)
    return n_fn


if __name__ == "__main__":
    print("%d functions" % generate(sys.argv[1], sys.argv[2]))
