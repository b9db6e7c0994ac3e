"""The body vote: trafilatura's text completed and trimmed by jusText and readability."""

from __future__ import annotations

from tasks.extract.body import RULE, Votes, collect, normalised, page_blocks, vote
from tasks.extract.dom import parse

LEAD = "Islanders get a boat every forty minutes, but the last crossing stays early on Fridays and weekends."
P1 = "The island ferry will run every forty minutes from the first of May, the operator said on Monday."
P2 = "Crews have been hired from the mainland and trained over the winter, and a second boat joins in summer."
P3 = "Fares stay the same for now, although the operator warned that fuel costs could force a rise this year."
AD = "Advertisement"
MORE = "Read more: Harbour wall repairs start in June"


def _votes(blocks: list[str], links: list[float], traf: str, justext: str, readability: str) -> Votes:
    v = Votes(blocks, links)
    v.outputs = {
        "trafilatura": normalised(traf),
        "justext": normalised(justext),
        "readability": normalised(readability),
    }
    return v


def test_blocks_both_others_choose_are_added_where_they_stand():
    blocks = [LEAD, P1, AD, P2, P3]
    traf = "\n".join([P1, AD, P3])  # trafilatura missed the lead and the paragraph after the ad
    others = "\n".join([LEAD, P1, P2, P3])
    v = _votes(blocks, [0, 0, 0, 0, 0], traf, others, others)
    assert vote(v, traf, RULE).splitlines() == [LEAD, P1, P2, P3]  # and the ad label is gone


def test_one_dissenting_extractor_changes_nothing():
    blocks = [LEAD, P1, AD, P3]
    traf = "\n".join([P1, AD, P3])
    v = _votes(blocks, [0, 0, 0, 0], traf, "\n".join([LEAD, P1, AD, P3]), "\n".join([P1, P3]))
    assert vote(v, traf, RULE) == traf


def test_only_chrome_like_blocks_are_dropped():
    blocks = [P1, MORE, P2, P3]
    traf = "\n".join(blocks)
    others = "\n".join([P1, P3])  # both others reject P2 (long prose) and the link line
    v = _votes(blocks, [0, 0.8, 0, 0], traf, others, others)
    assert vote(v, traf, RULE).splitlines() == [P1, P2, P3]


def test_link_lists_and_short_lines_are_never_added():
    teaser = "Harbour wall repairs start in June, and the quay will be closed to cars for most of the month."
    blocks = [P1, teaser, "Share", P3]
    traf = "\n".join([P1, P3])
    others = "\n".join(blocks)
    v = _votes(blocks, [0, 1.0, 0, 0], traf, others, others)
    assert vote(v, traf, RULE) == traf


def test_page_blocks_measure_link_text():
    tree = parse(
        "<html><body><nav><a href='/'>Home</a></nav><p>Plain words here and more of them.</p>"
        "<p><a href='/x'>A link</a> and words</p><script>var x = 1;</script></body></html>"
    )
    blocks, links = page_blocks(tree)
    assert blocks == ["Plain words here and more of them.", "A link and words"]
    assert links[0] == 0 and 0.3 < links[1] < 0.5


def _long(text: str) -> str:
    return (
        text
        + " The council, the operator and the union will meet again in the spring to look at the figures."
    )


def test_vote_adds_a_lead_outside_the_body_container_end_to_end():
    import trafilatura

    from tasks.clean import clean_text
    from tasks.extract import extract_page
    from tasks.models import Record

    lead = _long(LEAD)
    paras = [_long(p) for p in (P1, P2, P3)]
    page = (
        '<!DOCTYPE html><html lang="en"><head><title>Ferry every forty minutes | Island Post</title></head><body>'
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article><h1>Ferry every forty minutes</h1>'
        f'<p class="standfirst">{lead}</p><div class="entry-content"><p>{paras[0]}</p><p>{paras[1]}</p>'
        f'<div class="ad-break"><p>{AD}</p></div><p>{paras[2]}</p></div></article></main>'
        "<footer><p>© 2024 Island Post</p></footer></body></html>"
    )
    alone = trafilatura.extract(page) or ""
    assert paras[0] in alone and lead not in alone  # what the vote is there for
    html = clean_text(page)
    votes = collect(parse(html), alone, "en")
    at = votes.blocks.index(lead)
    assert [votes.has(name, at) for name in ("trafilatura", "justext", "readability")] == [False, True, True]
    seg = extract_page(Record(source="p.html", text=html, format="html", content_hash="h"))
    assert seg.body.split("\n\n") == [lead, *paras]
    assert seg.trace["body"] == "html:trafilatura+vote"


def test_only_blocks_without_links_are_added():
    linked = "Crews from the mainland, trained over the winter: see our earlier report on the hiring round."
    blocks = [P1, linked, P2, P3]
    traf = "\n".join([P1, P2, P3])
    others = "\n".join(blocks)
    v = _votes(blocks, [0, 0.1, 0, 0], traf, others, others)
    assert vote(v, traf, RULE).splitlines() == [P1, P2, P3]
    v = _votes(blocks, [0, 0, 0, 0], traf, others, others)
    assert vote(v, traf, RULE).splitlines() == blocks


def test_jusText_runs_only_when_readability_leaves_a_change_possible(monkeypatch):
    from tasks.extract import body

    paras = [_long(p) for p in (P1, P2, P3)]
    page = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>"
    calls = []
    monkeypatch.setattr(body, "justext_text", lambda tree, lang: calls.append(1) or "")
    agreed = collect(parse(page), "\n".join(paras), "en", RULE)  # readability agrees on every block
    assert calls == [] and "justext" not in agreed.outputs
    assert vote(agreed, "\n".join(paras), RULE) == "\n".join(paras)
    collect(parse(page), "\n".join(paras[:2]), "en", RULE)  # readability has a paragraph trafilatura lacks
    assert calls == [1]
