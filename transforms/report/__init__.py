"""Report: rows of the catalog's views -> one self-contained HTML page (inline CSS and SVG, nothing fetched).

charts (SVG charts from plain values), sections (one chart and table per view), page (the whole page).
"""
