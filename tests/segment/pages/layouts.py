"""Small synthetic pages in other languages and in layouts seen on unlabelled real pages."""

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
