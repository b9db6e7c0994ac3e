"""Development data for the HTML extractor: generated pages whose right answer is known, and the
measures run on them and on public labelled pages.

- `pages` writes news and blog pages in many comment markups (`markups`), each with a gold file
  in the format of the shared scorer; the generator knows every title, comment and chrome line
  because it wrote them (the HTML is the teacher).
- `evaluate` scores the extractor on generated pages, markups held out of tuning first.
- `realpages` measures body, title and comments on trafilatura's labelled evaluation pages
  (a development split and a held-out split by site).
- `bodyf1` measures body F1 on pages with full expected text (newspaper4k's test pages).

None of this ships in the package; it needs only the project's environment.
"""
