"""Text from the registry and the header, made safe for reStructuredText (shared by
gen_operators.py and gen_capi.py)."""
import io
import re

import docutils.core
import docutils.utils


def escape(text):
    """Plain prose as RST: the characters RST would read as markup, escaped."""
    text = text.replace("\\", "\\\\")
    for ch in "*`|":
        text = text.replace(ch, "\\" + ch)
    return re.sub(r"(\w)_(?=\W|$)", r"\1\\_", text)


def is_valid(text):
    """True when text parses as RST without a warning (so it can go in as written)."""
    stream = io.StringIO()
    docutils.core.publish_doctree(text, settings_overrides={
        "warning_stream": stream, "report_level": docutils.utils.Reporter.WARNING_LEVEL,
        "halt_level": 5})
    return stream.getvalue() == ""
