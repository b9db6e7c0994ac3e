"""More small synthetic pages in layouts seen on real pages: printed pages, forums, dumps."""

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
