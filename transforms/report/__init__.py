"""Report: rows of the catalog's views -> one self-contained HTML page (inline CSS, SVG, data and script; nothing
fetched).

charts (SVG charts from plain values), sections (one chart per view, of the whole warehouse), payload (the rows as
the compact data the page's filters add up), explore (the filters and the sortable tables they drive, with links to
the articles), page (the whole page).
"""
