"""Compare: ARTICLES + MENTIONS -> what outlets can be compared on: QUOTES and QUOTE_MATCHES, DESCRIPTORS,
FIGURES, STORY_FEATURES and STORIES.

quotes/ (quoted spans, their speakers, groups of the same words across articles), descriptors and
descriptor_words (the words an outlet puts next to a name), figures and numbers (numbers with what they count),
story_features (each article's salient words and entities) and stories (articles grouped into the stories they
tell).
"""
