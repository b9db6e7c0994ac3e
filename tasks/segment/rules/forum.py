"""Forum threads (phpBB, vBulletin, SMF): the first post is the article, the replies are comments.

A thread page is a run of posts, each anchored by a post header ('Posted by Jane on <date>', '#3',
'« Reply #2 on: <date> »') next to the poster's profile block (name, rank, 'Posts: 212',
'Joined: Mar 2019'). A reader takes each post's own text and nothing around it: not the profile,
not the 'Re: <subject>' line, not a quoted earlier post, not what follows the signature separator
or the post's buttons ('Reply With Quote', 'Logged'). The markers are data: the `forum` entry
of rules.toml.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from tasks.segment.lines import Line
from tasks.segment.rules.shapes import is_date, is_menu_row, is_name_shaped
from tasks.segment.rules.table import ForumRules, Rules

MIN_POSTS = 2  # a thread shows at least an opening post and one reply
AUTHOR_LOOKBACK = 8  # lines above a post header searched for the poster's profile block
HEADER_MAX_CHARS = 160
_OLD_DATE = re.compile(r"^old\s+", re.IGNORECASE)  # vBulletin's 'Old 07-19-2017, 10:14 PM'


@dataclass(slots=True)
class Post:
    author: str | None
    byline: str | None  # the line that names the poster, as shown
    date_text: str | None
    paragraphs: list[list[Line]] = field(default_factory=list)
    header_idx: int = 0
    quoted: str | None = None  # the poster this post quotes first: the post it replies to

    def add(self, line: Line) -> None:
        last = self.paragraphs[-1][-1] if self.paragraphs else None
        if last is None or line.gap > 0 or line.idx != last.idx + 1:
            self.paragraphs.append([line])
        else:
            self.paragraphs[-1].append(line)


@dataclass(slots=True)
class Thread:
    title: str | None
    posts: list[Post]


def _header(line: Line, forum: ForumRules) -> re.Match[str] | None:
    if len(line.plain) > HEADER_MAX_CHARS:
        return None
    return next((m for p in forum.post_headers if (m := p.fullmatch(line.plain))), None)


def _subject(text: str, forum: ForumRules) -> str | None:
    m = next((m for p in forum.subjects if (m := p.fullmatch(text))), None)
    return m.group("subject").strip() if m else None


def _profile_name(lines: list[Line], j: int, rules: Rules) -> bool:
    """A poster's name: a name-shaped line right above a profile line ('Jane' / 'Posts: 12');
    'Guest' above the rank 'Guest' is a name that shows none."""
    forum, text = rules.forum, lines[j].plain
    return (
        forum is not None
        and j + 1 < len(lines)
        and is_name_shaped(text)
        and (not forum.is_profile(text) or rules.placeholders.fullmatch(text) is not None)
        and forum.is_profile(lines[j + 1].plain)
    )


def _date(text: str) -> str | None:
    text = _OLD_DATE.sub("", text)
    return text if is_date(text) else None


def quoted_parent(posts: list[Post], n: int) -> int | None:
    """The reply that post `n` quotes: the latest earlier reply by the quoted poster (index among
    the replies, posts[1:]); None when it quotes the opening post or nobody."""
    want = (posts[n].quoted or "").casefold()
    if not want:
        return None
    return next((k - 1 for k in range(n - 1, 0, -1) if (posts[k].author or "").casefold() == want), None)


def find_thread(lines: list[Line], rules: Rules) -> Thread | None:
    """The page as a forum thread, or None when it shows no run of posts with profile blocks."""
    forum = rules.forum
    if forum is None:
        return None
    profiles = sum(1 for line in lines if forum.is_profile(line.plain))
    if profiles < MIN_POSTS:  # checked first: it is the cheaper test, and most pages fail it
        return None
    anchors = [(i, m) for i, line in enumerate(lines) if (m := _header(line, forum)) is not None]
    if not MIN_POSTS <= len(anchors) <= profiles:
        return None  # every post shows its poster's profile: without them this is no forum
    subjects = Counter(s for line in lines if (s := _subject(line.plain, forum)))
    title = subjects.most_common(1)[0][0] if subjects else None
    title_key = title.casefold() if title else None
    posts: list[Post] = []
    text_end = 0  # index after the last text line of the previous post: its author block is not ours
    for k, (i, m) in enumerate(anchors):
        end = anchors[k + 1][0] if k + 1 < len(anchors) else len(lines)
        post = _read_post(lines, i, end, m, rules, title_key)
        if post.author is None:  # the profile block above the header (SMF)
            lo = max(text_end, i - AUTHOR_LOOKBACK)
            found = next((j for j in range(i - 1, lo - 1, -1) if _profile_name(lines, j, rules)), None)
            if found is not None:
                post.author, post.byline = lines[found].plain, lines[found].text
        if post.author is not None and rules.placeholders.fullmatch(post.author):
            post.author = None
        if post.paragraphs:
            posts.append(post)
            text_end = post.paragraphs[-1][-1].idx + 1
    if len(posts) < MIN_POSTS:
        return None
    return Thread(title, posts)


def _read_post(
    lines: list[Line], i: int, end: int, m: re.Match[str], rules: Rules, title_key: str | None
) -> Post:
    forum = rules.forum
    assert forum is not None
    author = m.groupdict().get("author")
    post = Post(
        author.strip() if author else None,
        lines[i].text if author else None,
        m.groupdict().get("date"),
        header_idx=lines[i].idx,
    )
    started = closed = in_quote = False
    for j in range(i + 1, end):
        line = lines[j]
        text = line.plain
        if closed:
            continue
        profile = forum.is_profile(text) or _profile_name(lines, j, rules)
        if forum.ends_post(text) or profile:
            closed = started
            if not started and post.author is None and _profile_name(lines, j, rules):
                post.author, post.byline = text, line.text
            if not started and post.date_text is None:
                post.date_text = _date(text)
            continue
        if _subject(text, forum) or (title_key and text.casefold() == title_key):
            continue
        quote = forum.opens_quote(text)
        if quote is not None:
            in_quote = True
            if post.quoted is None and quote.groupdict().get("name"):
                post.quoted = quote.group("name").strip()
            continue
        if in_quote and line.gap == 0:
            continue  # the quoted paragraph
        in_quote = False
        if not started and is_date(text):
            post.date_text = post.date_text or text
            continue
        if started and (rules.any_end.fullmatch(text) or rules.ends_article(text)):
            closed = True  # the reply form or the page's footer after the last post
            continue
        if rules.is_chrome(text) or is_menu_row(line.loose):
            continue
        started = True
        post.add(line)
    return post
