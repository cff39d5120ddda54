"""Line rules: one place for every reason a line is not article text, each with examples."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from transforms.clean.needles import FirstMatch
from transforms.ingest.metadata import is_dateline_only, parse_byline, parse_timestamp


@dataclass(frozen=True)
class Rule:
    """A named reason to remove a line; `removes`/`keeps` are examples a test runs."""

    name: str
    why: str
    test: Callable[[str], bool]
    removes: tuple[str, ...]
    keeps: tuple[str, ...] = ()
    max_words: int = 10_000  # a predicate test passes no line of more words (its own limit, told to the engine)


@dataclass(frozen=True)
class _Pattern:
    """A regex that removes lines of at most max_words words (kept apart so that the engine counts a line's words
    once for every rule)."""

    compiled: re.Pattern
    max_words: int

    def __call__(self, line: str) -> bool:
        return len(line.split()) <= self.max_words and self.compiled.search(line) is not None


def _regex(pattern: str, max_words: int = 40, flags: int = re.I) -> _Pattern:
    return _Pattern(re.compile(pattern, flags), max_words)


@dataclass(frozen=True)
class _AnyOf:
    """Several patterns, any of which removes the line."""

    patterns: tuple[_Pattern, ...]

    def __call__(self, line: str) -> bool:
        return any(pattern(line) for pattern in self.patterns)


def _either(*patterns: _Pattern) -> _AnyOf:
    return _AnyOf(patterns)


_AGENCIES = (r"reuters|ap|afp|aa|anadolu(?: agency)?|getty(?: images)?|epa(?:-efe)?|xinhua|tass|dpa|ani|pti|ians"
             r"|associated press|agence france-presse|ap photo|shutterstock|file|file photo|pool|handout|wam|sana"
             r"|irna|bloomberg|ria novosti|sputnik")
_SHARE_WORDS = (r"share|share this(?: article| story| page)?|tweet|email|e-mail|print|whatsapp|facebook|twitter"
                r"|post|linkedin|reddit|pinterest|telegram|copy link|copied|comments?|save|bookmark|close|menu"
                r"|toggle caption")

_CRUMB = r"[A-Z][\w&'’.-]*(?: (?:[A-Z&][\w&'’.-]*|of|and|the|&)){0,3}"
_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}"

LINE_RULES: tuple[Rule, ...] = (
    Rule("ad_slot", "Ad placeholders and 'continue reading' breaks are page furniture.",
         _regex(r"^(?:advertisements?|advertising|sponsored(?: content)?|ad|ads by \w+|promoted(?: content)?"
                r"|(?:the )?(?:story|article|content|text) continue[sd] (?:below|after)"
                r"(?: (?:this |the )?(?:advertisement|ad))?"
                r"|continue reading(?: below| the main story| after (?:the )?(?:advertisement|ad))?|skip advertisement"
                r"|scroll (?:down )?to continue(?: (?:with|reading) (?:the )?(?:content|article|story))?"
                r"|(?:advertisement\W*)+(?:continue reading the main story)?)\W*$", 8),
         ("Advertisement", "ADVERTISEMENT", "Advertisement:", "Story Continued Below", "AD",
          "Advertisement Continue reading the main story", "Story continues below advertisement",
          "Article continues after this advertisement", "Scroll to continue with content"),
         ("Advertisements for the product ran all summer.",)),
    Rule("related_link", "Links to other articles ('Read: …', 'READ MORE: …') are navigation, not this story.",
         _regex(r"^[\W_]*(?:read|read more|read also|also read|also see|see also|related|related articles?"
                r"|related stories|related coverage|more|more on this|recommended|watch|listen"
                r"|must read|don'?t miss|trending|top stories|latest|more stories|click here|see more)\b\s*[:|»>\-–—]+"
                r"(?:\s+\S.*)?$|^(?:read more(?: here)?|more on this\W*|related(?: articles| stories)?"
                r"|most read(?: in [\w ]+)?|you may also like\W*|more from [\w.'’ ]{2,40})$"
                r"|^also on [\w-]+\.[\w.]+\s+\S.*$"
                r"|^full coverage:\s.*$|^[^.!?]+\sread more\W*$", 30),
         ("Read: Angela Merkel Discusses Diplomatic Solution For Libyan-conflict With Erdogan, Putin",
          "READ MORE: Are Russian mercenaries abandoning Haftar?", "Also read: Turkey sends troops", "READ MORE:",
          "More On This...", "Read more here", "SEE MORE: Hong Kong protests: students under siege",
          "Also on rt.com Journalists threatened with arrest", "Most read in world news", "You may also like...",
          "Full Coverage: Business", "MORE FROM USA TODAY",
          "Coronavirus shows the folly of stripping the state to the bone | Jo Lawson Read more"),
         ("Read the full statement on the ministry's website.", "More than 1,000 were killed: a massacre.",
          "More from Lew:")),
    Rule("teaser_tag", "A headline ending in a capitals tag ('… [VIDEO]', '… [INSIGHT]') promotes another story.",
         _regex(r"\[[A-Z]{3,12}\][\W_]*$", 30, 0),
         ("Plane passengers quarantined after plague outbreak [NEWS]", "China furious at Macron over jibe [INSIGHT]|"),
         ("Officials confirmed the figures of the [UN] mission.", "He called it [sic] a victory.")),
    Rule("author_contact", "How to reach or follow the writer is about the author, not the story.",
         _regex(r"^(?:write to|e-?mail|contact)\b.*\S@\w|\b(?:may|can) be reached at\b"
                r"|\bfollow (?:him|her|them|me) (?:on twitter )?@\w+", 45),
         ("Write to Al Root at allen.root@dowjones.com",
          "Email Jane Roe at jroe@example.com or follow her @janeroe.",
          "Have a tip? Amy Doe may be reached at adoe@example.com. Follow her on Twitter @AmyDoe."),
         ("Email records show he wrote to the mayor in May.", "Contact with the rebels was lost on Monday.")),
    Rule("gallery", "Photo-gallery strips ('… Hide Caption 1 of 24', 'Enlarge this image') repeat captions.",
         _either(_regex(r"\b(?:hide|show) caption \d+ of \d+\b|^enlarge this image\b|^toggle caption\b", 2000),
                 _regex(r"^(?:(?:photo|image|picture|slide)s?\s+)?\d{1,3}\s*(?:of|/)\s*\d{1,3}(?:\s+(?:photos|images|pictures"
                        r"|slides))?[\W_]*(?:(?:expand|next|prev(?:ious)?|back|close)\W*)*$", 8)),
         ("Photos: New Year's around the world People celebrate in New York. Hide Caption 1 of 24 Photos: x",
          "Enlarge this image toggle caption Alex Wong/Getty Images Alex Wong/Getty Images",
          "Hide Caption 73 of 80 Photos", "Photo 3 of 12", "1 / 24", "12 of 30 Images Next"),
         ("He asked them to hide the caption before printing.", "3 of 4 voters agreed.", "2019/2020")),
    Rule("topic_list", "Tag and topic lists file the story under site sections; they are links, not text.",
         _regex(r"^(?:tags?|topics?|tagged(?: with)?|filed under|categories|category|related topics|more about"
                r"|keywords)\s*:\s*\S.*$|^(?:tags?|topics?)$", 40),
         ("Tags: Politics, Congress, Donald Trump", "Filed under: World News", "TOPICS: Immigration | Border",
          "Topics"),
         ("Topics on the agenda: trade, security and climate, the minister said.",)),
    Rule("comment_widget", "Comment counters and loaders ('12 Comments', 'View comments') belong to the page.",
         _regex(r"^[\W\d]*(?:\d+\s+(?:comments?|replies|responses)|comments?\s*[(\[]?\d+[)\]]?"
                r"|(?:view|show|load|hide|read|see|add|leave|post|write|open) (?:all |the |your |a |more )?(?:\d+ )?"
                r"(?:comments?|replies)|join the (?:conversation|discussion|debate)|be the first to (?:comment|reply)"
                r"|comments? (?:are )?(?:closed|disabled)|conversation)[\W\d]*$", 10),
         ("12 Comments", "Comments (3)", "View comments", "Load more comments", "Join the conversation",
          "Be the first to comment", "Comments are closed"),
         ("Comments from the minister angered the opposition.", "He declined to comment.")),
    Rule("reading_time", "A reading time, alone or in a byline strip with dates, describes the page, not the story.",
         _regex(r"\b\d+\s*-?\s*(?:min(?:ute)?s?|mins?)\.?\s+(?:read|listen|watch)(?![\w-])"
                r"|^(?:estimated )?reading time\b", 25),
         ("5 min read", "By Jane Doe | Updated 10:32 AM EST | 4 min read", "Jane Doe • March 3, 2021 • 6 minute read",
          "Reading time: 3 minutes"),
         ("It took him five minutes to read the statement.", "The 10-minute read-out of the call was leaked.")),
    Rule("app_prompt", "Newsletter and app prompts in the text ask the reader to do something; they report nothing.",
         _regex(r"\b(?:sign up|subscribe|register) (?:now |today |here )?(?:for|to) (?:our|the|my|a) (?:free )?"
                r"[\w'’ -]{0,40}\bnewsletters?\b|^(?:get|download|install) (?:the|our) [\w'’ -]{0,30}\bapp\b"
                r"|^enter your e-?mail(?: address)?\b|^never miss a (?:story|thing|headline|beat)\b"
                r"|\bdelivered (?:straight |directly )?to your inbox\b", 35),
         ("Want more stories like this? Sign up for our free politics newsletter.",
          "Get the Daily Example app for iPhone and Android", "Enter your email address",
          "Never miss a story: the best of the week, delivered to your inbox."),
         ("The senator urged voters to register for the primary.", "He signed up for the army at 18.")),
    Rule("disclaimer", "Editorial disclaimers and sign-up thanks are about the site, not the story.",
         _regex(r"^(?:the )?(?:opinions|views) expressed (?:in this|by|here)\b|^this is a rush transcript\b"
                r"|^thank you for (?:signing up|subscribing|reading)\b|^editor'?s note:?$"
                r"|^content created by .{3,80} is available\b|^this content is (?:created|imported|provided)\b", 60),
         ("The opinions expressed by columnists are their own and do not represent the views of Townhall.com.",
          "This is a rush transcript. Copy may not be in its final form.",
          "Thank you for signing up. For more from The Nation, check out our latest issue",
          "Content created by The Daily Caller News Foundation is available without charge to any news publisher",
          "This content is created and maintained by a third party, and imported onto this page"),
         ("The views expressed at the summit were divided, diplomats said.",)),
    Rule("section_label", "An all-capitals label with a colon ('ANALYSIS/OPINION:') files the story, it is not text.",
         _regex(r"^[A-Z][A-Z /&'’-]{2,30}:$", 5, 0),
         ("ANALYSIS/OPINION:", "READ MORE ON THIS:"),
         ("Kalın said:", "He told reporters:")),
    Rule("relative_time", "'6 years ago' is a rendering of the page's date, not text.",
         _regex(r"^(?:updated |posted |published )?(?:\d+|an?|one) (?:seconds?|minutes?|mins?|hours?|hrs?|days?"
                r"|weeks?|months?|years?) ago$|^(?:updated|posted|published) at \d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?$", 6),
         ("6 years ago", "Updated 3 hours ago", "Updated at 1:23 p.m."),
         ("Six years ago the war began.",)),
    Rule("copyright", "Copyright and reprint notices belong to the site, not the story.",
         _regex(r"^(?:©|\(c\)|copyright\b|all rights reserved)|all rights reserved|click here for reprint"
                r"|^this (?:material|article) may not be (?:published|reproduced)", 30),
         ("Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.",
          "© 2020 Reuters. All rights reserved."),
         ("The copyright dispute went to court in May and was settled.",)),
    Rule("share_widget", "Share, follow, sign-up and newsletter widgets invite an action; they report nothing.",
         _regex(rf"^[\W_]*(?:(?:{_SHARE_WORDS})(?:[\s|,/•·]+(?:{_SHARE_WORDS}))*"
                r"|follow (?:us|@\w+|\w+ on (?:twitter|facebook|instagram)).*|join us on \w+.*"
                r"|sign up\b.*|subscribe\b.*|newsletter sign-?up|get (?:the|our) .*newsletter.*"
                r"|.*\b(?:click here|tap here) (?:to|for)\b.*|like us on facebook.*|download (?:the|our) app.*"
                r"|.*\bmanage newsletters\b.*|.*\bsign up here\b.*|like this (?:story|article)\?.*"
                r"|.*\bplease verify you'?re not a robot\b.*|.*\bvote now(?: in [\w ]{0,20}\bpoll)?)[\W_]*$", 25),
         ("SHARE THIS ARTICLE", "Share Tweet Post Email", "Sign up for Daily Newsletters Manage Newsletters",
          "CLICK HERE TO GET THE FOX NEWS APP", "Follow @politico", "Follow us on Twitter @CNNOpinion.",
          "Like this story? Share it with a friend!", "Do You Approve of the Deal? Vote Now in Urgent Poll",
          "Newsletter Sign Up Continue reading the main story Please verify you're not a robot by clicking the box."),
         ("Erdogan followed the talks closely.", "Supporters signed up in their thousands to vote.",
          "“Vote now, before it is too late,” she told the crowd.")),
    Rule("loader", "Loading spinners and player placeholders are page furniture.",
         _regex(r"^(?:loading|please wait|buffering|play|pause|video|audio|photos?|gallery|image \d+ of \d+"
                r"|(?:next|prev(?:ious)?) image \d+ of \d+|slideshow \(\d+ images?\)|your browser does.*"
                r"|media playback is unsupported on your device.*|just watched\b.*\breplay\b.*"
                r"|\[(?:image|photo|video|graphic|embed)\])"
                r"[.…\s]*$", 80),
         ("Loading...", "Loading…", "Slideshow (2 Images)", "next Image 1 of 2", "Photo", "[image]",
          "Media playback is unsupported on your device Media caption Protesters gathered outside",
          "JUST WATCHED Senator-elect on his role Replay More Videos ... MUST WATCH Senator-elect on his role"),
         ("Loading of the ships began on Monday.",)),
    Rule("credit", "Photo, image and agency credits name who made a picture, not what happened.",
         _either(_regex(rf"^[|\s]*(?:(?:image|photo|picture|video|graphic|illustration|photograph)s?\s*"
                        rf"(?:credit|courtesy|source)?\s*[:|/]\s*\S.*|(?:image|photo) copyright\b.*"
                        rf"|(?:photo|image|credit)s?\s+(?:by|courtesy(?: of)?)\s+\S.*|\(?(?:{_AGENCIES})\)?"
                        rf"|contributing:.*|.*\bcontributed to this report\.?|\([\w .'’/&-]{{2,40}}\))$", 12),
                 # 'Jacob Turcotte/Staff', 'Alex Wong/Getty Images': a photographer and an agency, nothing else.
                 _regex(rf"^{_NAME}\s?/\s?[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){{0,3}}$", 8, 0)),
         ("| Image:self", "Reuters", "AA", "Image copyright Getty Images", "Photo by Jane Doe/AP", "(Pixabay)",
          "The Associated Press contributed to this report.", "Jacob Turcotte/Staff", "Alex Wong/Getty Images"),
         ("Reuters reported that talks had failed.", "Turkey / Russia talks resume",
          "Old Guard/New Guard split the party")),
    Rule("desk_credit", "Wire-desk credits ('Reporting by …; Editing by …') list who produced the copy.",
         _regex(r"^\((?:additional )?reporting by\b.*\)$|^(?:additional )?reporting by\b.*\bediting by\b", 80),
         ("(Reporting by Jane Roe; Editing by John Doe)",
          "Reporting by Jane Roe; additional reporting by Ann Lee; Editing by John Doe"),
         ("Reporting by the Times found that the contracts were never signed.",)),
    Rule("photo_caption", "A caption describes a picture; its trailing credit marks it.",
         # Wire captions run long: a file photo's caption retells the story it illustrates.
         _regex(r"^(?:file photo\W|photo\W|file\s+[-–—]\s)|[(\[](?:[^()\[\]]*\b(?:photo|image|picture|getty|pictured"
                r"|file)\b[^()\[\]]*)[)\]]\.?$|\b(?:photograph|photo|picture|image)s?: [^.:;]{2,60}$"
                r"|\b(?:photo|photograph|image)s?(?: illustration)? by [^.]{2,60}/[^./]{2,40}\.?$", 150),
         ("Fighters stand atop a tank in Tarhouna, June 5, 2020. (Photo by AFP)",
          "FILE PHOTO: Libyan fighters near Tripoli",
          "FILE - In this Jan. 19, 2018 file photo, President Donald Trump speaks to participants",
          "Waves hit the shore at Heng Fa Chuen in Hong Kong. Photograph: Bobby Yip/Reuters",
          "Former Sen. Jon Kyl led the audit. Photo illustration by Slate. Photo by Zach Gibson/Getty Images."),
         ("Fighters stand atop a tank in Tarhouna (a town southeast of Tripoli).",
          "The photograph shows the two men shaking hands in Moscow.")),
    Rule("signup_form", "A newsletter sign-up form's labels and error messages are page furniture.",
         _regex(r"^newsletter sign ?up\b|\bplease verify you'?re not a robot\b|\binvalid email address\b"
                r"|\byou must select a newsletter\b", 150),
         ("Newsletter Sign Up Continue reading the main story Please verify you're not a robot by clicking the box. "
          "Invalid email address. Please re-enter. You must select a newsletter to subscribe to. Sign Up You will "
          "receive emails containing news content , updates and promotions from The New York Times.",),
         ("The newsletter signed up 5,000 readers in its first week.",)),
    Rule("breadcrumb", "Breadcrumb trails ('News / North Africa') are site navigation.",
         _regex(rf"^{_CRUMB}(?:\s+[/>»›|]\s+{_CRUMB}){{1,5}}$", 12, 0),
         ("News / North Africa", "Home > World > Middle East", "Politics » Europe"),
         ("Turkey / Russia talks resume", "24/7 coverage")),
    Rule("signoff", "A dash and a reporter's name alone on a line signs that reporter's part of a live story.",
         _regex(rf"^[-–—]{{1,2}}\s?{_NAME}(?:,? and {_NAME})?$", 10, 0),
         ("- Christal Hayes", "– John Fritze and David Jackson", "—Jane Doe"),
         ("— Donald J. Trump (@realDonaldTrump) November 7, 2012", "- The talks failed.")),
    Rule("byline", "Bylines name the author: kept as article metadata, not body.",
         lambda line: parse_byline(line) is not None,
         ("Reported by: Vishal Tiwari", "By John Smith and Jane Doe"),
         ("By Saturday the army had left Sirte.",), max_words=14),
    Rule("timestamp", "Publication and update stamps: kept as article metadata, not body.",
         lambda line: parse_timestamp(line) is not None,
         ("Updated January 12th, 2020 at 12:42 IST", "Published January 12th, 2020 at 12:42 IST",
          "June 5, 2020"),
         ("On June 5, 2020 fighters entered Tarhouna.",), max_words=12),
    Rule("dateline", "A dateline on its own line says where the story was filed: kept as metadata.",
         is_dateline_only,
         ("ANKARA", "BEIRUT, Lebanon (AP)"),
         # a place of up to 4 words, a region of up to 2, an agency of up to 25 characters in brackets: <= 19 words
         ("ADVERTISEMENT", "UN", "Ankara backs the GNA."), max_words=19),
    Rule("bare_url", "A web address alone on a line is a link or a site notice, not reporting.",
         _regex(r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|uk|ir|tv|news|info|io)"
                r"(?:/\S*)?$", 3),
         ("www.presstv.co.uk", "https://example.com/story/1", "aljazeera.com"),
         ("U.S.", "Visit www.example.com for the full report.")),
    Rule("separator", "Rows of symbols divide page sections; they carry no words.",
         _regex(r"^[\W_]+$", 10),
         ("___", "* * *", "• • •"),
         ("“Yes.”",)),
)
RULES_BY_NAME = {rule.name: rule for rule in LINE_RULES}


def _tests(rule: Rule) -> list[tuple[str, int, re.Pattern | Callable[[str], bool]]]:
    """A rule -> its (name, word limit, regex or predicate) tests for the engine, in order."""
    patterns = (rule.test,) if isinstance(rule.test, _Pattern) else getattr(rule.test, "patterns", None)
    if patterns is None:
        return [(rule.name, rule.max_words, rule.test)]
    return [(rule.name, pattern.max_words, pattern.compiled) for pattern in patterns]


_FIRST_MATCH = FirstMatch([test for rule in LINE_RULES for test in _tests(rule)])

# Structural, corpus and page reasons, decided by articles.clean_document, sitelines and pagetext, described
# here so that every reason in removed_lines has its one-line why in one place.
STRUCTURE_REASONS = {
    "repeated_headline": "The headline printed again inside the page (layout duplicates).",
    "repeated_line": "A line already present earlier in the same document.",
    "repeated_lede": "A standfirst that the first paragraph repeats word for word.",
    "twin_caption": "A photo caption printed twice around its credit line.",
    "caption_credit": "The credit line between two copies of a caption.",
    "caps_headline": "A long line in capitals inside the story: another story's headline, linked from this one.",
    "footer": "The site's trailing block after the article: links, outlet notices, app promotions.",
    "site_line": "A line recurring across several articles of one outlet: a site line, not reporting.",
    # Decided with the line model, only on a document that reads as a whole web page (it has menus).
    "model: navigation-like": "On a whole page, the line model reads the line as a menu, link, label or teaser; "
                              "reason_detail names the features that weighed most against it.",
    "off_main_text": "On a whole page, prose outside the main run of body paragraphs: teasers, other stories.",
    "comments": "On a whole page, everything under a readers' comments heading once the story has run.",
}
# The reasons of the whole-page line model (transforms/clean/line_model.py), among STRUCTURE_REASONS.
MODEL_REASONS = ("model: navigation-like", "off_main_text", "comments")


def line_reason(line: str) -> str | None:
    """One stripped line -> the name of the first rule that removes it, or None to keep it."""
    return _FIRST_MATCH(line)


def why(reason: str) -> str:
    """Reason name -> its one-line explanation."""
    rule = RULES_BY_NAME.get(reason)
    return rule.why if rule else STRUCTURE_REASONS[reason]
