"""Clean: DOCUMENTS -> ARTICLES (clean body and metadata) and REMOVED_LINES (every removed line with its reason).

line_rules (one rule per reason a line is not article text), needles (the engine the rules run in: a regex
runs only on lines holding a string every match of it contains), page_text (whole web pages as text: where the prose
is), site_lines (lines an outlet repeats across its articles), articles (the cleaning of one document).
"""
