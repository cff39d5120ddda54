"""Quotes: article bodies + mentions -> QUOTES (direct quotes with their speakers); all quotes -> QUOTE_MATCHES.

spans (quote marks paired into quoted spans), speech (speech verbs and speaker phrases), speakers (the
attribution clause next to a quote and the name, title or pronoun it uses, resolved; with article, the body a
quote is read in, clauses, the clause before a quote, and after_quote, the clause after it), subjects (a speech
verb's subject, read back from the verb), extract (the QUOTES rows of
an article), groups (the same words quoted across articles).
"""
