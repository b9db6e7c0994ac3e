"""Small synthetic pages in the layouts of the common comment systems, and pages without comments."""

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

WPDISCUZ = """Skip to content
Home
Gadgets

Review: a solar charger for long hikes

June 2, 2023

We carried the panel for two weeks on the coastal trail and it kept two phones and a camera charged, even on grey days.

It weighs a little more than the brand claims, but the build quality is excellent.

Related Posts

Our favourite tents of the year

Subscribe
Notify of
Label
{} [+]
Name*
Email*
3 Comments
Oldest
Newest Most Voted
Inline Feedbacks
View all comments

Rosa Marquez
June 3, 2023 10:15 am

Does it work when it is strapped to a backpack?

0
Reply

Author
Ben Ode
June 3, 2023 6:40 pm

Reply to  Rosa Marquez

Yes, that is how we used it most days.

2
Reply

Hal
June 9, 2023 8:02 am

Ordered one, thanks for the review.
It arrived in two days.

0
Reply

  • linkedin
  • mastodon
Buy me a coffee
"""

DISQUS_REPLIES = """Town library reopens after renovation

The town library reopened on Saturday after a year of renovation work that added a children's wing and a rooftop reading garden.

Visitors queued before the doors opened, and the first hundred received a tote bag designed by local students.

12 Comments
Sort by Best

Avatar
Nora Lind • 2 days ago

The rooftop garden is lovely. We spent the whole afternoon there.

6
•
Reply
•
Share ›

Avatar
Sam Ortiz  Nora Lind • a day ago

Agreed, but it closes far too early in summer.

1
•
Reply
•
Share ›

Avatar
Priya K • 5 hours ago

Finally a place for the kids to read on weekends.

•Reply•Share ›

Load more comments
"""

BLOGGER_TEXT = """Sourdough diary: the third loaf

The third loaf finally had the open crumb I was hoping for, after I cut the flour with a little rye and let the dough rest overnight in the fridge.

Next week I will try a higher hydration and see whether the crust still browns well.

Posted by Martha at 7:42 PM

3 comments:

Joe Baker said...

Rye makes all the difference. Try a longer autolyse too.

March 2, 2019 at 8:10 AM

Anonymous said...

What flour do you use?

March 3, 2019 at 1:15 PM

Martha said...

@Joe Baker thanks, I will try that next.

March 3, 2019 at 5:40 PM

Post a Comment

Newer Post Older Post Home
"""

FACEBOOK = """Harbour festival draws record crowds

More than forty thousand people visited the harbour festival over the weekend, the organisers said, the highest number since it began in 1998.

The tall ships parade on Sunday morning was the most popular event, with spectators lining both piers.

2 Comments Sort by Top

Add a comment...

Lena Fischer
The fireworks were the best I have seen in years.
Like · Reply · 2d

Marco Rossi
Parking was a nightmare though.
Like · Reply · 1d

Facebook Comments Plugin
"""

NEWS_SITE = """Council delays vote on new stadium

The city council postponed its vote on the proposed stadium by a month after residents asked for more time to study the traffic report.

The developer said it was disappointed but would answer every question raised at the hearing.

Comments (3)

Sort by Newest

Dana W
3 hours ago
The traffic report was released far too late for anyone to read it.
Reply · Like · Report

    Gil Amsel
    2 hours ago
    Replying to Dana W
    It was online for two weeks, to be fair.
    Reply · Like · Report

Show 4 more replies

Omar H
1 day ago
Build it already.
Reply · Like · Report

Load more comments
"""

JOOMLA = """Village fair results

The annual village fair ended on Sunday with the pumpkin contest, which was won for the third year running by the Bakker family.

The cake stall raised more than two thousand euros for the school roof.

Comments

#1 Peter Vos 2020-09-14 10:12
Congratulations to the Bakkers, that pumpkin was enormous.
Reply | Reply with quote | Quote

#2 Ineke 2020-09-14 18:40
The cakes were sold out by noon. Next year we need more bakers!
Reply | Reply with quote | Quote

Add comment
"""

JINA_MARKDOWN = """Title: Building a birdhouse with children

URL Source: https://example.org/birdhouse

Markdown Content:
# Building a birdhouse with children

By **Tom Reyes** · April 4, 2022

A birdhouse is a good first woodworking project: it needs only a saw, a drill and an afternoon, and children can do most of the work themselves.

Use untreated pine and leave the inside rough so that the chicks can climb out. See [our guide to wood](https://example.org/wood) for more.

## 2 Comments

![Image 3: avatar](https://example.org/a.png)

**Alice Moreau** says:

[April 5, 2022 at 9:00 am](https://example.org/birdhouse#c1)

We built one last spring and _two_ families of tits used it.

[Reply](https://example.org/birdhouse?replytocom=1)

![Image 4: avatar](https://example.org/b.png)

**Ken** says:

[April 6, 2022 at 7:30 pm](https://example.org/birdhouse#c2)

How big should the entrance hole be?

It depends on the birds you want, I suppose.

[Reply](https://example.org/birdhouse?replytocom=2)

## Leave a Reply
"""

TYPEPAD = """Five charts about rainfall

The wettest year on record in the valley was 1951, and the driest was 1976, when the reservoirs fell to a fifth of their capacity.

The charts below show how the average has moved since measurements began.

Comments

You can follow this conversation by subscribing to the comment feed for this post.

Lovely charts, which tool did you use?

Posted by: Ana | March 3, 2017 at 12:32

The 1976 drought is still talked about here.

Posted by: Old Farmer | March 4, 2017 at 08:10

The comments to this entry are closed.
"""

HARD_WRAPPED = """River cleanup volunteers collect two tonnes of waste

Volunteers pulled more than two tonnes of rubbish out of the river on Saturday,
including three shopping trolleys, a bicycle and hundreds of plastic bottles,
the organisers said after the annual cleanup.

The group has held the event every spring since 2012 and says the amount of
waste has fallen by half over that time.

2 thoughts on "River cleanup volunteers collect two tonnes of waste"

Greta says:
May 2, 2021 at 9:14 am

Well done to everyone who came, it was a great morning and the
weather held until the very end.

Reply

Jonas says:
May 2, 2021 at 11:30 am

See you next year.

Reply

Leave a Reply
"""

COMMENTS_CLOSED = """Bridge closed for repairs until June

The old stone bridge will be closed to traffic until June while engineers repair the arches damaged in the winter floods.

Pedestrians can still cross on the temporary walkway on the north side.

Comments are closed.
"""

QANDA = """Your questions about the new recycling rules

From next month households must separate food waste from other rubbish. Readers sent us their questions.

Q: Who collects the food waste?

A: The council will collect it every week, on the same day as the other bins.

Q: Do I need a special bin?

A: Yes, each household will receive a small caddy free of charge before the start.
"""

FILM_CREDITS = """Review: a quiet film about a lighthouse

The film follows a keeper and his daughter through one winter on a remote island, and it is as slow and beautiful as the sea it watches.

Director
Hanna Berg

Cast
Lars Moen
Ida Strand

Running time
94 minutes

It opens in cinemas on Friday.
"""

LETTER = """Open letter on the future of the town market

We, the undersigned traders and residents, ask the council to keep the Saturday market in the old square and to drop the plan to move it to the car park by the station.

The market has been held in the square for two hundred years and it brings people into the town centre.

Signed,

Anna Kowalski
Ben Hart
Carla Nunes
David Osei
"""

SHORT_LINES = """What to pack for a winter hike

Winter hikes need more gear than summer ones, and forgetting one item can end the day early. This is the list we use.

Warm hat
Spare gloves
Head torch
Thermos
Map and compass

Check the forecast again on the morning of the hike.
"""
