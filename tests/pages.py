"""Small synthetic pages, written for the tests, in the layouts the segmenter must handle."""

WORDPRESS = """Home
News
About

City council approves new bike lanes downtown

By Maria Lopez

March 3, 2021

The city council voted 7-2 on Tuesday to approve a network of protected bike lanes across the downtown core, ending a two-year debate.

Supporters said the lanes would make cycling safer for commuters, while opponents worried about parking and deliveries for small businesses.

Share this:
Twitter
Facebook

3 thoughts on “City council approves new bike lanes downtown”

John Carter says:
March 3, 2021 at 9:14 am

Finally! I have been waiting for this for years.

Reply

Linda Park says:
March 3, 2021 at 10:02 am

Parking is already impossible downtown. This will make it worse.

I hope they reconsider.

Reply

Anonymous says:
March 4, 2021 at 8:00 pm

Great news for the city.

Reply

Leave a Reply
Your email address will not be published. Required fields are marked *
"""

BLOGGER_MD = """# Notes from the garden: tomatoes in October

Posted by Ellen at 10:31 AM

It has been an unusually warm autumn, and the tomato plants are still producing fruit well into October, which I have never seen before.

I picked the last of the cherry tomatoes this morning and left the green ones to ripen on the windowsill.

#### 2 comments:

**Peter M.** said...

Same here in the north! Ours are still going strong.

October 12, 2020 at 3:15 PM

**Anonymous** said...

Try wrapping the green ones in newspaper, they ripen faster.

October 13, 2020 at 8:02 AM

Post a Comment

Newer Post Older Post Home
"""

DISQUS = """Why the old lighthouse keeper stayed

The lighthouse at Cape Morrow was automated in 1989, but its last keeper refused to leave the island and lived there for another twenty years.

He kept a logbook until the day he died, recording every ship that passed and every storm that hit the rocks.

Sort by Best

Karen W. • 5 years ago

What a beautiful story. My grandfather knew him.

Reply • Share ›

Tom_R • 4 years ago

I visited the island in 2005 and he showed us the logbook.

It was full of drawings of ships.

Reply • Share ›

Load more comments
"""

NO_COMMENTS = """Markets rally as inflation cools

Stocks rose sharply on Wednesday after new figures showed inflation slowing for a third straight month, raising hopes that interest rates have peaked.

The S&P 500 gained 1.8 percent, its best day since April, while bond yields fell.

Analysts cautioned that the data could be revised and that the central bank would move carefully.
"""

INTERVIEW = """An interview with the festival director

The director of the summer film festival talks about this year's programme and the changes she has made since taking over.

INTERVIEWER: What is new this year?

DIRECTOR: We added a late-night section for genre films, which our audience has asked for since the start.

INTERVIEWER: And the budget?

DIRECTOR: It is the same as last year, so we had to make choices about which guests we could invite.
"""
