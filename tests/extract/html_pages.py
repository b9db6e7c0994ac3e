"""HTML pages written for the reader tests (no third-party text)."""

from __future__ import annotations

WORDPRESS_HTML = """<!DOCTYPE html>
<html lang="en"><head>
<title>Harbour bridge reopens after repairs | Coastline Courier</title>
<meta property="og:title" content="Harbour bridge reopens after repairs">
<meta name="author" content="Dana Whitfield">
<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">
<meta property="og:site_name" content="Coastline Courier">
<style>.x{color:red}</style>
<script>var tracking = "SECRET_SCRIPT_TEXT";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">NAVIGATION_LINK_TEXT</a></li></ul></nav>
<article>
<h1 class="entry-title">Harbour bridge reopens after repairs</h1>
<p class="byline">By Dana Whitfield</p>
<div class="entry-content">
<p>The harbour bridge reopened to traffic on Tuesday morning after eight months of repairs to its
steel deck and cables, the city's transport office said in a statement.</p>
<p>Engineers replaced more than four hundred bolts and repainted the main span, and the work
finished two weeks ahead of the schedule agreed with the council last spring.</p>
<p>Commuters who had used the ferry during the closure said the crossing now took ten minutes
instead of forty, and local shops near the bridge expect more customers this summer.</p>
</div>
</article>
<div id="comments" class="comments-area">
<h2 class="comments-title">3 thoughts on this</h2>
<ol class="commentlist">
 <li class="comment" id="comment-1">
  <article class="comment-body">
   <footer class="comment-meta"><div class="comment-author vcard">
     <b class="fn">Marta Lindqvist</b> <span class="says">says:</span></div>
     <div class="comment-metadata"><a href="#c1">March 5, 2024 at 10:02 am</a></div></footer>
   <div class="comment-content"><p>Finally! The ferry queue was getting ridiculous.</p>
     <p>Good work by the crews.</p></div>
   <div class="reply"><a class="comment-reply-link">Reply</a></div>
  </article>
  <ol class="children">
   <li class="comment" id="comment-2">
    <article class="comment-body">
     <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Tom Baker</b></div></footer>
     <div class="comment-content"><p>Agreed, two weeks early is rare.</p></div>
    </article>
   </li>
  </ol>
 </li>
 <li class="comment" id="comment-3">
  <article class="comment-body">
   <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Anonymous</b></div></footer>
   <div class="comment-content"><p>What about the cycle lane?</p></div>
  </article>
 </li>
</ol>
<form id="commentform"><textarea>FORM_TEXT</textarea><button>Post Comment</button></form>
</div>
</body></html>
"""

DISQUS_HTML = """<!doctype html><html><head><title>Rail strike talks resume</title>
<meta name="author" content="Priya Natarajan"></head><body>
<header><nav role="navigation"><a href="/">NAVIGATION_LINK_TEXT</a></nav></header>
<main><h1>Rail strike talks resume</h1>
<p>Union leaders and the rail operator met again on Monday to discuss pay and working hours,
a week after the last round of talks ended without an agreement between the two sides.</p>
<p>Both sides said the meeting was constructive, and a further session is planned for Thursday,
when a mediator appointed by the ministry is expected to present a compromise proposal.</p>
</main>
<div id="disqus_thread"><ul id="post-list" class="post-list">
 <li class="post" id="post-101"><div class="post-content"><div class="post-body">
   <header><span class="post-byline"><span class="author publisher-anchor-color"><a>railfan88</a></span></span>
   <a class="time-ago">2 hours ago</a></header>
   <div class="post-message"><div><p>Hope they settle before the holidays.</p></div></div>
   <footer><a class="vote-up">12</a> <a class="reply">Reply</a></footer>
 </div></div>
 <ul class="children">
  <li class="post" id="post-102"><div class="post-content"><div class="post-body">
    <header><span class="post-byline"><span class="author"><a>Guest</a></span></span></header>
    <div class="post-message"><p>Unlikely, sadly.</p></div>
  </div></div></li>
 </ul>
 </li>
</ul></div>
</body></html>
"""

BLOGGER_HTML = """<!DOCTYPE html><html><head><title>Notes from the allotment: first frost</title></head>
<body><div class="post hentry"><h3 class="post-title entry-title">Notes from the allotment: first frost</h3>
<div class="post-body entry-content">
<p>The first frost arrived early this year and caught the last of the runner beans, which had
been climbing happily up their canes since June and were still flowering last week.</p>
<p>The leeks and kale did not mind at all, and the parsnips should taste sweeter for it, as
every old gardener on the site has been telling me since the day I took on the plot.</p>
</div></div>
<div class="comments" id="comments"><h4>2 comments:</h4>
<div class="comments-content"><div class="comment-thread"><ol>
 <li class="comment" id="c1"><div class="avatar-image-container"><img src="a.png"></div>
  <div class="comment-block"><div class="comment-header"><cite class="user"><a href="/p/1">Greenfingers</a></cite>
   <span class="datetime secondary-text"><a>12 November 2023 at 08:14</a></span></div>
   <p class="comment-content">Same here, lost all my dahlias overnight.</p>
   <span class="comment-actions secondary-text"><a>Reply</a><span>Delete</span></span></div>
  <div class="comment-replies"><div class="comment-thread inline-thread"><ol>
   <li class="comment" id="c2"><div class="comment-block"><div class="comment-header"><cite class="user">Owen</cite></div>
    <p class="comment-content">Lift the tubers next time!</p></div></li>
  </ol></div></div>
 </li>
</ol></div></div></div>
</body></html>
"""

WPDISCUZ_HTML = """<!DOCTYPE html><html><head><title>Council approves new library</title></head><body>
<article><h1>Council approves new library</h1>
<p>The council voted on Wednesday to approve plans for a new public library on the site of the
former bus depot, with construction due to start next year and finish within two years.</p>
<p>The building will include a children's floor, study rooms and a small cafe, and it will be
open seven days a week, according to the plans published by the council after the vote.</p>
</article>
<div class="wpd-thread-list" id="wpdcom">
 <div class="wpd-comment wpd_comment_level-1" id="wpd-comm-7"><div class="wpd-comment-wrap">
  <div class="wpd-comment-header"><div class="wpd-comment-author"><a>Ines Ortega</a></div>
   <div class="wpd-comment-date">3 days ago</div></div>
  <div class="wpd-comment-text"><p>About time this town had a proper library.</p></div>
  <div class="wpd-comment-footer"><div class="wpd-vote-up">5</div><div class="wpd-reply-button">Reply</div></div>
 </div>
  <div class="wpd-comment wpd-reply" id="wpd-comm-8"><div class="wpd-comment-wrap">
   <div class="wpd-comment-header"><div class="wpd-comment-author">Sam</div></div>
   <div class="wpd-comment-text"><p>Hope the cafe is affordable.</p></div>
  </div></div>
 </div>
</div>
</body></html>
"""

NO_TEXT_HTML = """<!DOCTYPE html><html><head><title></title><script>var onlyScript = 1;</script></head>
<body><nav><a href="/">Home</a></nav></body></html>
"""

PLAIN_ARTICLE = (
    "Town hall opens on Sundays\n\nThe town hall will open on Sundays from next month so that "
    "residents can reach its services at the weekend, the mayor announced on Friday. Staff will "
    "work on a rota and the opening hours will be reviewed after six months."
)
