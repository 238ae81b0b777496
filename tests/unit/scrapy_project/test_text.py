"""HTML to text: what real descriptions carry (source-formats.md: comments and scripts inside descriptions, literal
"<" and ">", entity-escaped HTML) comes out as the words a reader sees."""

from __future__ import annotations

import pytest

from scrapy_project.text import html_to_text


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>1 &lt; years &lt; 3</p>", "1 < years < 3"),
        ("1 < years < 3 and x > 2", "1 < years < 3 and x > 2"),  # plain text with literal brackets
        (
            "<p>Design PV</p><!-- internal: do not show --><script>var x = '<p>no</p>';</script><p>Next</p>",
            "Design PV\nNext",
        ),
        ("&lt;p&gt;Design PV systems &amp;amp; permit plan sets.&lt;/p&gt;", "Design PV systems & permit plan sets."),
        ("<ul><li>Stringing</li><li>SLDs</li></ul>", "Stringing\nSLDs"),
        ("<style>.a{color:red}</style><div>Solar&nbsp;designer</div>", "Solar designer"),
        ("R&amp;D in AutoCAD", "R&D in AutoCAD"),
        ("", ""),
    ],
)
def test_html_to_text(html, text):
    assert html_to_text(html) == text


def test_a_field_that_is_not_text_is_refused():
    with pytest.raises(TypeError):
        html_to_text({"en": "Solar"})  # type: ignore[arg-type]
