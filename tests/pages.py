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

# A German regional news site with its own comment system: labelled date line above the text,
# 'Name' / relative date / text / button row per comment, folded replies.
NEWS_DE = """Startseite > Lokales

DER HEIDEBOTE

Neue Buslinie verbindet die Dörfer am See

Von Jana Petersen
Aktualisiert: 04.09.2023, 08:30 Uhr

Ab Montag fährt eine neue Buslinie stündlich zwischen Seedorf, Haren und dem Bahnhof der Kreisstadt.

Der Landkreis zahlt die ersten zwei Jahre, danach soll entschieden werden, ob die Linie bleibt.

Lesen Sie auch
Radweg am Kanal wird saniert

Kommentare (9)
Diskutieren Sie mit. Bitte bleiben Sie sachlich.

Tobias K.
vor 2 Stunden
Endlich! Bisher musste ich jeden Morgen mit dem Auto zum Bahnhof.
Antworten · Gefällt mir (4) · Melden
Weitere 2 Antworten anzeigen

Gast
vor 5 Stunden
Stündlich reicht nicht, morgens bräuchte es zwei Fahrten.
Antworten · Gefällt mir · Melden

Weitere Kommentare laden

Impressum | Datenschutz | Kontakt
"""

# A Spanish Blogger page: '3 comentarios:', 'X dijo...', an anonymous commenter, date lines.
BLOGGER_ES = """Cocina de la abuela

Lentejas con chorizo, la receta de siempre

Las lentejas se ponen en remojo la noche anterior y se cuecen a fuego lento con el chorizo, la zanahoria y una hoja de laurel.

El secreto es el sofrito: cebolla muy picada y pimentón, añadido al final para que no se queme.

Publicado por Lucía Romero en 12:40

Enviar por correo electrónico
Etiquetas: legumbres, recetas

3 comentarios:

Pedro Alonso dijo...

Yo les pongo también un poco de morcilla. Quedan buenísimas.

8 de febrero de 2019, 13:05

Anónimo dijo...

¿Se pueden hacer en olla rápida?

9 de febrero de 2019, 10:20

Lucía Romero dijo...

Sí, en quince minutos están listas.

9 de febrero de 2019, 11:02

Publicar un comentario

Entrada más reciente Entrada antigua Página principal
"""

# A Jekyll post with comments migrated from Blogger: '###### At [date](#c1){:name='c1'}, Name said...'.
MIGRATED_BLOGGER_MD = """# Restoring an old sewing machine

Posted on 2 March 2009

The machine came from a flea market with a seized hand wheel and a cracked bobbin case.

A night in penetrating oil freed the wheel, and a new case cost less than a pizza.

## Comments

###### At [March 3, 2009 8:15 AM](#comment1){:name='comment1'}, [Greta Holm](http://example.org/profile/1) said...

Which oil did you use? Mine is still stuck.

###### At [March 3, 2009 9:40 AM](#comment2){:name='comment2'}, Tom said...

Lovely restoration, it looks new.
"""

# A static-site post with migrated WordPress comments in Spanish: '- _[Name](url) (date)_:'.
MIGRATED_LIST_ES = """# Cómo plantar tomates en macetas

Los tomates necesitan sol directo durante al menos seis horas al día y una maceta honda.

Riega por la mañana y evita mojar las hojas para que no aparezcan hongos.

### 2 comentarios en “Cómo plantar tomates en macetas”

- _[Elena](http://example.org/) (14 de mayo de 2010)_:

    Yo los planto con albahaca al lado y crecen mejor.

- _Rafa (15 de mayo de 2010)_:

    ¿Qué tamaño de maceta recomiendas?

    Tengo un balcón pequeño.
"""

# A WordPress.com theme in markdown: numbered comments with an avatar, name and date lines,
# replies nested as indented bullets, and a 'Leave a comment' jump link under the heading.
WPCOM_LIST = """# Fixing a slow laptop fan

The fan ran at full speed even when the machine was idle, so I cleaned it and replaced the thermal paste.

After that the laptop stayed quiet for hours of normal work.

Comments (3)
[Leave a comment](#respond)

1. ![Ada's avatar](https://example.org/a.png)

   Ada Lane

   May 3, 2024 at 4:10 pm

   [Reply](https://example.org/?replytocom=1#respond)

   Did you need special tools to open the case?

   * ![Ben's avatar](https://example.org/b.png)

     Ben Ruiz

     May 4, 2024 at 9:00 am

     Only a small screwdriver and a guitar pick.
2. ![Cy's avatar](https://example.org/c.png)

   Cy

   May 5, 2024 at 1:30 pm

   [Reply](https://example.org/?replytocom=3#respond)

   Mine was full of dust too.

1. No trackbacks yet.

### Leave a comment [Cancel reply](/fan/#respond)
"""

# A plain-text dump that keeps the markdown title marks of its source.
TEXT_WITH_HEADING_MARKS = """
# Five quiet beaches on the north coast
## https://example.org/quiet-beaches/
The north coast has long sandy beaches that stay empty even in August, if you know where to look.

Most of them can only be reached on foot, which keeps the crowds away.
"""

# A Substack post: 'Discussion about this post', name line, relative date link, 'Like (3)' rows.
SUBSTACK = """# Why small towns need bookshops

A bookshop is more than a shop: it is a meeting place, a notice board and a reading room.

When one closes, the high street loses a reason to visit.

#### Discussion about this post

CommentsRestacks

![User's avatar](https://example.org/u.png)

[![Iris Moen's avatar](https://example.org/i.png)](https://example.org/profile/iris)

[Iris Moen](https://example.org/profile/iris)

[3h](https://example.org/p/bookshops/comment/1 "Aug 17, 2025, 12:41 PM")

Liked by Author Name

Ours closed last year and the street feels empty now.

Expand full comment

Like (7)

Reply

Share

[![Kai Berg's avatar](https://example.org/k.png)](https://example.org/profile/kai)

[Kai Berg](https://example.org/profile/kai)

[5h](https://example.org/p/bookshops/comment/2 "Aug 17, 2025, 10:12 AM")

We started a book club in the café instead.

Expand full comment

Like (2)

Reply

Share
"""

# A WordPress.com theme that shows neither a comment heading nor names: each comment ends in a like row.
LIKE_ROWS = """# Knitting a first pair of socks

Start with a worsted yarn and short needles: thin yarn makes the first pair take forever.

Turn the heel slowly and count every row, because that is where most first socks go wrong.

Happy knitting,

Mara Quist [@mara](https://example.org/mara)

I tried twice and gave up at the heel. This guide makes it look possible.

Thanks for the tip about counting rows.

LikeLiked by 1 person

So glad it helps! Send me a photo when they are done.

LikeLike
"""

# A Chinese WordPress theme: 'Name说道：', dates like 2023年5月2日, the commenter's browser row,
# '回复' buttons, and a reply whose name the scrape lost (it starts at its date).
WORDPRESS_ZH = """# 在阳台种番茄的方法

番茄需要每天至少六个小时的阳光，所以要选一个朝南的阳台。每天早上浇水，不要浇到叶子上。

### 2 comments

1. ![](https://example.org/a.png) **[小林](https://example.org)**说道：

   [2023年5月2日 10:15](https://example.org/p/1#comment-1)

   ![Google Chrome 112](https://example.org/chrome.png) Google Chrome 112 ![Windows 10](https://example.org/win.png) Windows 10

   我家的番茄今年结了很多果子，谢谢分享！

   [回复](#comment-1)

   1. ![](https://example.org/b.png)

      [2023年5月2日 12:40](https://example.org/p/1#comment-2)

      ![Safari 16](https://example.org/safari.png) Safari 16 ![iPhone iOS 16.4](https://example.org/ios.png) iPhone iOS 16.4

      太好了，继续加油。

      [回复](#comment-2)
"""

# A plain-text Blogger dump that glued each name link to its date link: 'Jane15 August 2015 at 12:52'.
BLOGGER_GLUED_DAY = """Fixing a dripping tap

A dripping tap usually needs a new washer, which costs a few cents and takes ten minutes to fit.

Turn off the water first, then unscrew the handle and swap the worn washer for a new one.

3 comments:

Ola Berg15 August 2015 at 12:52
Worked first time, thank you.

Reply

Anonymous17 August 2015 at 09:42
Which size of washer did you use?

Reply

Tom H2 September 2016 at 08:04
Mine had a ceramic cartridge instead.

Reply

Add comment
"""

# wpDiscuz with pingbacks: the linking page's title over its date, an excerpt, a vote count and Reply;
# an archive widget (a name-like label over a list of months) follows the thread.
WPDISCUZ_PINGBACKS = """Ransomware gang hits city water utility

Investigators said the attackers entered through an unpatched remote access server and encrypted billing systems.

No water treatment systems were affected, the utility said on Friday.

Notify of

3 Comments

Inline Feedbacks

View all comments

Water utility attacked by ransomware - Weekly Security Roundup | Example News

    2 months ago

[…] the attackers entered through an unpatched remote access server […]

0

Reply

Lena Marsh

    2 months ago

Patch your VPN appliances, people.

0

Reply

City infrastructure under fire: what the water hack tells us about the next decade – Blog of Someone Else

    a month ago

[…] encrypted billing systems, the utility said […]

0

Reply

Monthly Archives

Select Month

February 2024

January 2024

December 2023
"""

# A blog post printed to PDF and converted back: '*Page N*' markers, a hidden source note, an
# 'Author' label, responses with vote counts, '(edited)' dates and a 'See all responses' link.
PRINTED_RESPONSES = """<!-- source: https://example.org/p/tide-pools -->

# What lives in a tide pool

Author

[Ines Varga](https://example.org/ines)

Tide pools hold anemones, crabs and small fish that survive hours without the sea.

*Page 2*

Visit at low tide and never lift the rocks you cannot put back.

Responses (2)

Rui Costa
3 days ago
We found a starfish last summer, the children loved it.
4
Hana Ito
2 days ago (edited)
Which beach was this?

*Page 3*

See all responses
More from Ines Varga
"""

FORUM_PHPBB = """Board index ‹ Garden ‹ Vegetables
FAQ  Register  Login

Why do my courgettes rot at the tip?

Post Reply
3 posts • Page 1 of 1

Why do my courgettes rot at the tip?
Posted by Wendy P on Tue Jul 05, 2022 7:12 pm

Every courgette on my two plants goes soft and brown at the flower end before it is finger length.

They get watered every evening. What am I doing wrong?

Wendy P
Posts: 31
Joined: Apr 2021

Re: Why do my courgettes rot at the tip?
Posted by Arun K on Tue Jul 05, 2022 9:40 pm

Poor pollination, usually. Early in the season there are few male flowers, so the fruit aborts.
It sorts itself out in a couple of weeks.

Arun K
Posts: 1,204
Joined: Feb 2015
Location: Leeds
Forty years on the same allotment.

Re: Why do my courgettes rot at the tip?
Posted by Wendy P on Sat Jul 09, 2022 8:03 am

Quote
Arun K wrote: ↑Tue Jul 05, 2022 9:40 pm
Poor pollination, usually.

You were right, the new ones are fine. Thank you!

Wendy P
Posts: 31
Joined: Apr 2021

Post Reply
Powered by phpBB® Forum Software © phpBB Limited
"""

FORUM_VBULLETIN = """Cycling Forum > Repairs

Thread: Creaking bottom bracket on a steel frame

#1
Old 03-02-2019, 08:15 AM
tomasz_b
Junior Member
Join Date: Jan 2019
Posts: 3

Creaking bottom bracket on a steel frame

My bike creaks on every pedal stroke under load, only when standing up. I have greased the pedals already.
Reply With Quote

#2
Old 03-02-2019, 09:02 AM
Guest
Guest

Posts: n/a

Quote:
Originally Posted by tomasz_b
I have greased the pedals already.

Check the seat post and the saddle rails too, the noise travels a long way through a steel frame.
__________________
Two wheels good
Reply With Quote

#3
Old 03-03-2019, 06:40 PM
tomasz_b
Junior Member
Join Date: Jan 2019
Posts: 3

It was the saddle rails. A drop of oil and it is silent.
Reply With Quote

Powered by vBulletin® Version 4.2.5
"""

LYNX_DUMP = """   [1]Skip to content

   [2]Allotment Notes

Slugs ate every lettuce in one night

   Posted on [3]June 2, 2023 by [4]Martha Quill

   Forty lettuces went in on Saturday and by Sunday morning only the
   stalks were left. The wet week brought the slugs out in numbers I
   have not seen before.

   Beer traps caught a few hundred. Next time the seedlings go out
   bigger, under fleece, after the rain has passed.

2 thoughts on "Slugs ate every lettuce in one night"

    1. [5]Owen Trask says:
       [6]June 2, 2023 at 6:10 pm
       Copper tape worked for me, but only on raised beds.
       [7]Reply
          1. [8]Martha Quill says:
             [9]June 3, 2023 at 7:45 am
             Our beds are flat, sadly. I will try wool pellets.
             [10]Reply

Leave a Reply [11]Cancel reply

References

   1. https://allotment.example/slugs/#content
   2. https://allotment.example/
   3. https://allotment.example/slugs/
   4. https://allotment.example/author/martha/
   5. http://owen.example/
   6. https://allotment.example/slugs/#comment-1
   7. https://allotment.example/slugs/?replytocom=1#respond
   8. https://allotment.example/author/martha/
   9. https://allotment.example/slugs/#comment-2
  10. https://allotment.example/slugs/?replytocom=2#respond
  11. https://allotment.example/slugs/#respond
"""

PRESS_RELEASE = """Press centre | Ashby Mills
Products  Stores  Careers  Press

Ashby Mills opens its first flour mill powered by the river again

FOR IMMEDIATE RELEASE

DERBY, 3 June 2024 — Ashby Mills today restarted the waterwheel at its oldest mill, which will grind flour for the company's three bakeries without any power from the grid.

The range milled at the site includes:

Stoneground Wholemeal
Heritage White
Rye Dark

"We spent two years restoring the wheel," said Imogen Tarrant, the head miller. "It turns slower than a motor and the flour is better for it."

About Ashby Mills
Ashby Mills has milled flour in Derbyshire since 1821 and employs 60 people.

Contact:
Harriet Lowe
Press Office
press@ashby.example

###

Sign up for press alerts
"""

PODCAST_TRANSCRIPT = """Night Shift Radio
Episodes  Hosts  Transcripts  Donate

Transcript: Episode 40 — Can a city sleep?

Listen on: Apple Podcasts | Spotify | RSS

Hosted by Marisol Vega

Marisol Vega
Good evening, and welcome to Night Shift. Tonight we talk about the people who keep a city running while it sleeps.

Desmond Achebe
Thanks for having me. I have driven the night bus for eleven years and I still love the empty streets.

Marisol Vega
What surprises people most when you tell them about the job?

Desmond Achebe
How busy it is. Nurses, bakers, cleaners, students going home. The night bus is never empty.

More episodes
Episode 39 — The last milkman
"""

FORUM_SMF = """Welcome, Guest. Please login or register.

Canal Boaters » Maintenance » Topic: Stern gland dripping after winter

Author Topic: Stern gland dripping after winter  (Read 312 times)

narrowboat_nell
Newbie
Posts: 4

Stern gland dripping after winter
« on: March 2, 2016, 10:05:11 AM »

The stern gland drips about once a second since we came out of winter mooring. Is that too much?

Logged

Old Tom
Hero Member
Posts: 2,311

Re: Stern gland dripping after winter
« Reply #1 on: March 2, 2016, 12:40:52 PM »

Give the greaser a turn every day for a week. If it still drips it needs repacking.

Logged
Forty winters on the cut.

narrowboat_nell
Newbie
Posts: 4

Re: Stern gland dripping after winter
« Reply #2 on: March 9, 2016, 06:15:30 PM »

A week of greasing and it has stopped. Thank you.

Logged

SMF 2.0 | SMF © 2013, Simple Machines
"""
