"""Word lists and line patterns of the page-dump cleaner: a supplement to the shape rules."""
from __future__ import annotations

import re

from . import furniture as _F


# --------------------------------------------------------------------------- vocabulary

_STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my no nor not now of off on once only or other our ours out
over own same she should so some such than that the their theirs them then there these they
this those through to too under until up very was we were what when where which while who
whom why will with would you your yours said says say told tells according since still
""".split())

# words that make a short line a sentence rather than a heading
_VERBISH = frozenset("""
i he she it we they you is are was were be been am has have had do does did will would can
could should may might must said says say told tells not no this that there here
""".split())

# Very common exact chrome strings (lower case, outer punctuation stripped): a supplement
# to the shape rules, never the main mechanism.
_CHROME_EXACT = frozenset("""
accessibility links|breaking news|skip to main content|skip to content|skip navigation|
skip to navigation|jump to content|main menu|menu|navigation|search|close|open|home|
share|share this|share this article|share this story|share on facebook|share on twitter|
share via email|tweet|email|print|print this page|print this article|save|save article|
copy link|link copied|facebook|twitter|whatsapp|linkedin|reddit|pinterest|instagram|
comment|comments|reply|like|follow|follow us|log in|login|sign in|sign up|register|
subscribe|subscribe now|subscribe today|newsletter|newsletters|advertisement|
advertising|sponsored|ad|story continues below|story continues below advertisement|
advertisement - story continues below|article continues below|continue reading|
continue reading below|read more|read full article|load more|show more|see more|
back to top|top|next|previous|next article|previous article|listen|listen to this article|
watch|play video|video|audio|photos|gallery|view gallery|image|enlarge|expand|
toggle caption|hide caption|close caption|loading|loading...|terms of use|terms of service|
privacy policy|privacy|cookie policy|cookies|cookie settings|manage cookies|
accept|accept all|reject all|ok|got it|contact us|about us|site map|sitemap|help|faq|
all rights reserved|more|less|live|updated|opinion|analysis|trending|latest
""".replace("\n", "").split("|")) | _F.CHROME

# Section headers (the whole line) after which the article is over.
_END_HEADER = re.compile(
    r"(?:\d+\s+)?(?:comments?|reader comments|show comments|view comments|post a comment|"
    r"add a comment|leave a (?:comment|reply)|join the (?:conversation|discussion)|"
    r"discussion|conversation|most (?:popular|read|viewed|shared|commented)|"
    r"trending(?: now| stories)?|popular(?: now| stories)?|around the web|"
    r"(?:you )?(?:may|might) also (?:like|enjoy)|recommended(?: for you| stories| reading)?|"
    r"sponsored (?:content|stories|links)|promoted (?:content|stories)|from our partners|"
    r"more from [\w .'&-]+|about the authors?|about us|contact us|follow us(?: on [\w ]+)?|"
    r"connect with us|sections|site map|sitemap|footer|"
    r"(?:sign up|subscribe) (?:for|to) (?:our|the)? ?[\w ]*newsletters?|" + _F.END_HEADERS + ")"
    r"(?:\s*\(\d+\))?",
    re.I)

# Section headers that open a list of links (dropped with the list, the article goes on).
_LIST_HEADER = re.compile(
    r"(?:related(?: stories| articles| coverage| content| links| topics| news| reading)?|"
    r"read (?:more|next|also)|see also|also read|also on [\w .'-]+|more on (?:this|these) (?:story|stories|topics?)|"
    r"more (?:stories|news|coverage|headlines)|top stories|latest (?:news|stories|headlines)|"
    r"tags|topics|filed under|in this article|what to read next|keep reading|"
    r"editors'? picks|editor'?s picks|watch next|up next|" + _F.LIST_HEADERS + ")",
    re.I)

_BREADCRUMB = re.compile(r"^[^>›»/]{1,30}(?:\s[>›»/]\s[^>›»/]{1,80}){2,}$")
_READING_TIME = re.compile(r"(?:reading time:? )?\d+\s*(?:min|mins|minutes?)\.?(?: read(?:ing time)?)?|"
                           + _F.READING_TIME, re.I)
_FOLLOW = re.compile(r"\bfollow (?:her|him|them|us|me) (?:on|at)\b", re.I)
_CLICK = re.compile(r"\b(?:click|tap) here\b", re.I)
_INLINE_LINK = re.compile(r"(?:related|read more|read also|see also|also read|more|watch|listen|" + _F.INLINE_LINKS
                          + r")\s*[:>|»-]\s+\S", re.I)

_CAPTION_START = re.compile(
    r"(?:file\s*(?:photo)?\s*[-–—:]|file photo\b|photo\s*(?:credit)?\s*[:|]|photograph\s*:|"
    r"picture\s*:|image\s*(?:credit|copyright|caption|source)?\s*[:|]|image copyright\b|"
    r"image caption\b|credit\s*:|caption\s*:|pictured\s*:|video\s*:|\[video:|\[photo:|\[image:|"
    r"(?:" + _F.PHOTO_WORDS + r")\s*[:|©])",
    re.I)
# Photo agencies as credits name them ("REUTERS/Jane Doe", "(AP Photo)", "Getty Images"): the one list
PHOTO_AGENCIES = ("AP", "AFP", "EPA", "Getty Images", "Getty", "Reuters", "Shutterstock", "Alamy", "Xinhua",
                  "Bloomberg", "Pool")
_AGENCIES = r"(?:" + "|".join(PHOTO_AGENCIES + ("REUTERS", "POOL")) + ")"
_AGENCY_WORDS = frozenset(w.lower() for a in PHOTO_AGENCIES for w in a.split()) - {"images"}
# an agency named alone on a short line of names makes it a credit ("Jane Doe Getty Images");
# Bloomberg and Pool are also a person's name and a word
_AGENCY_ALONE = (_AGENCY_WORDS - {"bloomberg", "pool"}) | {"images", "photo"}
_CAPTION_INSIDE = re.compile(
    r"\((?i:" + "|".join(a.lower() for a in PHOTO_AGENCIES) + r"|ap photo|photo|photograph|image|picture|credit|"
    + _F.PHOTO_WORDS + r")\b[^()]{0,80}\)\s*\.?$|"
    r"\b" + _AGENCIES + r" ?/ ?[A-Z][\w.'’ -]{0,40}$|"
    r"\b[A-Z][\w.'’-]{1,30}(?: [A-Z][\w.'’-]{1,30}){0,3}\s?/\s?" + _AGENCIES + r"(?: via [A-Z][\w ]{0,30})?\s*\.?$|"
    r"[.!?] (?i:photo|photograph|image|picture|credit|" + _F.PHOTO_WORDS + r")s? ?(?:by\b|:|\||©) ?[A-Z][^.!?]{0,60}$|"
    # a credit after the description: "... in Oslo, May 2, 2024. Some Wire/Jane Doe"
    r"[.!?] [A-Z][\w.'’-]{0,30}(?: [A-Z][\w.'’-]{0,30}){0,3}"
    r" ?/ ?[A-Z][\w.'’-]{0,30}(?: [A-Z][\w.'’-]{0,30}){0,3}$",
)
_CREDITS = re.compile(r"\((?:additional )?(?:reporting|writing|editing|compiled|edited|research|"
                      r"graphics|translation|produced)\b[^()]*\)", re.I)
_AGENCY = _AGENCY_WORDS | frozenset("associated press photo photograph handout".split())
_CREDIT_FILLER = frozenset("images via courtesy of for the staff file photos and".split())

_BYLINE = re.compile(r"(?:by|written by|words by|posted by|story by|reporting by|report by|interview(?:ed)? by|"
                     r"text by|" + _F.BYLINE_LEAD
                     + r")\s+(?P<name>\S.*)", re.I)
# job titles and desks: the end of "Jane Doe, Health Correspondent", "Brussels Bureau"
_ROLE_WORDS = frozenset("""
correspondent correspondents reporter reporters editor editors writer writers columnist columnists
contributor contributors journalist journalists staff bureau desk producer photographer critic
analyst intern stringer presenter commentator
""".split())
# words that may stand before a job title without being part of a name
_ROLE_MODIFIERS = frozenset("""
senior chief deputy associate assistant special foreign political managing executive contributing
investigative national international local regional sports health science business economics
economy technology tech education environment environmental climate legal culture arts world news
data digital features opinion city global diplomatic security defence defense energy markets
finance financial crime court courts transport travel food fashion music film books staff
""".split())
_NAME_PARTICLES = frozenset("de da di del della dos das du van von der den la le bin al el y st mc".split())
_PRONOUNS = frozenset("i he she it we they you this that these those there his her their our its".split())
_BARE_BY = frozenset(("by", "written by", "words by", "story by", "reporting by", "posted by",
                      "von", "par", "por", "door", "autor", "autorin", "przez"))
# (?<!\s): a match starts right after a word, so a run of spaces is not retried at every offset
_AUTHOR_SPLIT = re.compile(r"(?<!\s)\s*[,|·•—–]\s*|(?<!\s)\s+-\s+")
_NAME_TOKEN = re.compile(r"(?:[A-Z][a-zà-ÿ'’]*\.?|[A-Z]\.|[A-Z][\w'’-]*[a-zà-ÿ][\w'’-]*)", re.U)
_NAME_GLUE = frozenset("and & of the in for at de da van von der le la di y , | - — –".split())
_META_SPLIT = re.compile(r"(?<!\s)\s+[|·•—–]\s+|(?<!\s)\s+-\s+")

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.U)
# scripts written without spaces between words: their length is counted in characters
_CJK = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")   # Thai, Lao, Myanmar, Khmer
_CLOSERS = "\"'”’»)]*」』）"
_SENTENCE_END = ".!?…:。！？｡؟।"
_QUOTES = "\"“”«»"
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\s*(?:©|\(c\)|\d{4})|\ball rights reserved\b|"
                        r"\b(?:" + _F.FOOTER.split("|datenschutz")[0] + r")\b", re.I)
_SITE = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*(?:[-–]\s*\d{4})?)?\s*,?\s*"
                   r"([A-Z][^.|]{1,60}?)(?:\.|\||$| all rights)", re.I)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CONTEXT = re.compile(r"\b(?:site|website|browser|browsing|experience|consent|polic(?:y|ies)|settings|"
                             r"preferences|personali[sz]e|analytics|third[- ]party|advertising|ads|traffic|"
                             + _F.COOKIE_CONTEXT + r")\b", re.I)
# the reader addressed: English and the furniture languages in any case, German "Sie" with its capital
_ADDRESSED = re.compile(r"\b(?:(?i:you|your|you're|you’re|" + _F.ADDRESSED + r")|" + _F.ADDRESSED_CASED + r")\b")
_IMPERATIVE = re.compile(r"(?:subscribe|sign|log|register|get|join|already|support|become|unlock|enter|create|want|"
                         r"don't|don’t|enjoy|try|start|continue|read|keep|receive|never miss|" + _F.IMPERATIVE
                         + r")\b", re.I)
_SUBSCRIBE = re.compile(r"\b(?:subscrib\w*|sign up|sign in|log in|newsletters?|paywall|free articles?|"
                        r"inbox|email address|"
                        r"premium|unlock|membership|register|" + _F.SUBSCRIBE + r")\b", re.I)
_SOCIAL = re.compile(r"\b(?:share|tweet|follow us|like us|facebook|twitter|whatsapp|instagram|" + _F.SOCIAL + r")\b", re.I)
_FOOTER = re.compile(r"\b(?:all rights reserved|terms of (?:use|service)|privacy (?:policy|notice)|"
                     r"cookie policy|do not sell my|contact us|about us|" + _F.FOOTER + r")\b", re.I)
_ADVERT = re.compile(
    r"(?:advertisement|advert|ad|sponsored(?: content| post| links?| stories)?|paid (?:content|post|partnership|links?))"
    r"(?:\s*[-–—:|]?\s*(?:(?:the )?(?:story|article|content) continues below(?: (?:this )?advertisement)?|"
    r"continue reading(?: below)?|feedback|\d+ of \d+))?", re.I)
_RELATIVE_TIME = re.compile(r"(?<!\d)\d+\s*(?:min|mins|minutes?|hours?|hrs?|h|days?|d)\s+ago\b", re.I)
_PROMO = re.compile(r"\b(?:our|ours|us|you|your|we)\b|\bevery (?:day|morning|evening|week|weekday|month|"
                    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
                    r"\b(?:weekly|daily|newsletters?|republish\w*|donate|donations?|sign up|subscribe)\b", re.I)
# a call to the reader ("you ... sign up"), or the publication speaking of its own work
_CALL = re.compile(r"\b(?:sign(?:ing)? up|subscrib\w*|newsletters?|inbox|donat\w*|republish\w*|apps?|download\w*|" + _F.CALL + r"|"
                   r"every (?:day|morning|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", re.I)
_SELF = re.compile(r"\b(?:our|" + _F.SELF + r") (?:\w+ ){0,2}(?:articles|stories|journalism|reporting|newsroom|content|"
                   r"coverage|newsletters?|artikel|beiträge|newsletter|articles|artículos|articoli|artigos|artikelen)\b|"
                   r"\brepublish\w*|\bcreative commons\b", re.I)
# a comment form ("Your email address will not be published. Required fields are marked *")
_COMMENT_FORM = re.compile(r"\b(?:e-?mail|adresse|address|correo|indirizzo|endereço|adres)\b[^*]{0,120}\*", re.I)
# the site's words about its comments, to the reader or as "we": a comment policy
_COMMENT_WORD = re.compile(r"\b(?:comments?|commenting|commenters?|" + _F.COMMENT_WORDS + r")\b", re.I)
_COMMENT_RULES = re.compile(r"\b(?:moderat\w*|guidelines?|polic(?:y|ies)|rules|civil|respectful|publish\w*|republish\w*|"
                            r"approv\w*|registered|register|log(?:ged)? in|sign(?:ed)? in|closed|disabled|"
                            + _F.COMMENT_RULES + r")\b", re.I)
# a disclosure of the site's advertising or affiliate links, in the site's own voice
_DISCLOSURE = re.compile(r"\b(?:advertis\w*|disclosure|affiliate|sponsor\w*|compensation|commissions?|amazon associates?|"
                         + _F.ADVERTISING + r")\b", re.I)
_THIS_SITE = re.compile(r"\b(?:this (?:site|website|article|page|blog|post)|" + _F.THIS_SITE + r")\b", re.I)
_WE = re.compile(r"\b(?:we|our|us|wir|uns|unser\w*|nous|notre|nos|nosotros|nuestr\w*|noi|nostr\w*)\b", re.I)
# the tone of a sign-up box's pitch: to the reader, or of the publication's own output
_BOX_TONE = re.compile(r"\b(?:you|your|our)\b|\bevery (?:day|morning|evening|week|weekday|month|monday|tuesday|"
                       r"wednesday|thursday|friday|saturday|sunday)\b|\b(?:weekly|daily|newsletters?)\b", re.I)
_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|asked|added|according)\b", re.I)

