"""Words that make up the tool and navigation text of news sites.

A line built only from these words (and separators) is page furniture: share bars,
print and e-mail links, text-size controls, box headings such as "Most viewed". The
lists are written from how news sites label their tools, not from any one corpus.
"""
from __future__ import annotations

# Words that name a site tool or a page box; a tool line needs at least one of them.
TOOL_WORDS = frozenset("""
    print printer printable printing reprint reprints
    email e-mail emailed e-mailed emails mail mailed
    share shares sharing shared digg del.icio.us delicious reddit facebook newsvine
    stumbleupon stumble furl technorati myspace twitter fark slashdot propeller
    mixx sphere yahoo! buzz bookmark bookmarks bookmarking permalink rss feeds feed
    podcast podcasts font fonts multimedia views terms typo feedback text-size resize enlarge decrease increase
    comment comments commented discuss discussion talkback recommend recommended
    subscribe subscription unsubscribe newsletter newsletters alerts
    advertisement advertisements advertise advertising sponsored ad ads
    previous prev next related gallery galleries slideshow slideshows
    photos videos video audio listen download downloads translate search toolbar tools
    blogs login log-in logout register registration
    reply respond post posted submit report flag rate rating ratings
    zoom larger smaller popular viewed
    save saved favorites favourites refer password username yahoo google
    del.ico.us toolbox forum forums profile votes vote quote shout blog
    pinterest linkedin instagram tumblr whatsapp flickr undo delete
""".split())

# Social networks a story credits a post or a picture to ("Twitter.", "Instagram: @jdoe.").
SOCIAL_NETWORKS = frozenset("""
    twitter x facebook instagram youtube linkedin tiktok snapchat reddit pinterest tumblr
    whatsapp threads bluesky mastodon flickr vimeo weibo telegram
""".split())

# Two-word tools whose words are ordinary on their own ("Text size", "Single page").
TOOL_PHRASES = (
    "text size", "font size", "single page", "sign in", "log in", "send to",
    "most read", "most viewed", "most popular", "top stories", "story tools",
    "article tools", "page tools", "return to top", "back to top", "have your say",
    "your say", "font scale", "article continues", "story continues", "continued below",
    "also read", "you were reading", "filed under", "article from", "photo essay",
    "report abuse", "what's this", "add your view", "no comments",
)

# Openings of a call to action that only a web page makes ("Click here for more news").
CALL_TO_ACTION = (
    "click here", "click for", "click to", "click on", "view all", "see more", "read more posts",
    "more from", "all articles by", "more by this", "sign up", "get the latest", "keep up to date",
    "follow us", "join the discussion", "join the conversation", "register for", "submit your",
    "talk about the", "tell us what", "add your", "have your say", "post a comment",
    "scroll down", "please leave", "receive our", "subscribe to", "advertise on", "advertise with",
    "adjust font", "links to this",
)

# Words that may accompany tool words in a tool line ("Email this story to a friend").
GLUE_WORDS = frozenset("""
    a an the this that these those it its to on in of for and or by with via from at as
    your you my our us me we here now all more most top latest other
    article articles story stories page pages version versions friend friends
    friendly text size type image images photo picture pictures view watch click
    add send get see read sign in out up off go back home close help
    link links section sections headlines news single full normal large small
    return articles stories latest extract entries posts scale
    medium site web hours hour days day week weeks month last 24 7 30 tool
    what's what are is this? these? options option form forum follow join
    continue continues continued below above contact us reader readers
""".split())

# Words that open a related-story box ("Related Articles", "Most Popular", "Also in Sports").
BOX_HEADING_WORDS = frozenset("""
    related popular viewed e-mailed emailed commented read recommended
    latest top more most also other recent headlines
""".split())

# Whole headings of a box of other stories that do not open with one of those words.
BOX_HEADING_PHRASES = frozenset((
    "don't miss", "editors' picks", "editor's picks", "editors picks", "you may also like",
    "you might also like", "you may have missed", "you might have missed", "in case you missed it",
    "around the web", "from around the web", "trending now", "promoted stories", "sponsored stories",
))

# What the opening word of a box heading is followed by ("More Stories", "Most Viewed").
BOX_HEADING_NOUNS = frozenset("""
    news stories story articles article headlines links coverage videos video photos
    reading read viewed popular e-mailed emailed commented blogs posts from in on by
    about this sections topics items
""".split())

# What a box heading of up to five words may close on ("More Business News", "Other
# Opinion Columns", "Latest Sports Videos"): the nouns above that name a kind of item,
# and a paper's opinion pages.
BOX_HEADING_LAST_NOUNS = (BOX_HEADING_NOUNS - frozenset("from in on by about this read reading".split())) | frozenset(
    "columns columnists opinion opinions galleries".split())

# Headings under which a story gives its own list: "Story Highlights", "Key points".
STORY_LIST_HEADINGS = (
    "story highlights", "highlights", "key points", "key facts", "at a glance", "factbox",
    "fact box", "fact file", "factfile", "in numbers", "by the numbers", "timeline", "the facts",
)

# Sections of a news site, as its menus name them ("Politics", "Real Estate", "In Sports").
SECTION_NAMES = frozenset(s.strip() for s in """
    home|news|latest|top stories|world|national|nation|local|metro|region|regional|u.s.|us|
    politics|elections|congress|white house|government|national security|business|economy|
    markets|money|personal finance|finance|industries|small business|real estate|jobs|careers|
    tech|technology|science|health|education|environment|climate|weather|sports|sport|
    football|soccer|baseball|basketball|hockey|golf|tennis|cricket|rugby|entertainment|
    arts|culture|music|movies|film|tv|television|books|celebrity|lifestyle|life|living|style|
    fashion|food|dining|travel|autos|cars|home & garden|opinion|opinions|editorials|letters|
    columns|columnists|blogs|blogs & columns|obituaries|obits|classifieds|crime|religion|
    media|video|videos|photos|photo galleries|galleries|multimedia|podcasts|traffic|
    shopping|deals|games|puzzles|crosswords|horoscopes|corrections|the americas|africa|asia|
    europe|middle east|americas|world news|us news|uk|uk news|features|magazine|investigations
""".split("|"))

# The links of a site's header and footer bar ("About Us | Privacy Policy | Site Map").
SITE_LINKS = frozenset(s.strip() for s in """
    home|homepage|about|about us|contact|contact us|privacy|privacy policy|privacy notice|
    cookie policy|cookie settings|cookies|terms|terms of use|terms of service|
    terms & conditions|terms and conditions|site map|sitemap|careers|jobs|advertise|
    advertise with us|help|faq|faqs|search|archive|archives|forum|forums|newsletters|
    subscribe|subscriptions|rss|log in|login|sign in|sign up|register|accessibility|
    masthead|staff|store|shop|events|community|membership|donate|support us|feedback|
    press|media kit|mobile|apps|e-edition|contests|legal|disclaimer|copyright|
    site index|directory|webmaster
""".split("|"))
