"""Language data of the speaker profiles: honorifics, gendered nouns, role nouns.

Words of English, never names of particular people, places or outlets (names come
from maintained data packages: ``gender-guesser`` for given names, ``countryinfo``
for countries, demonyms and capitals; see ``profiles/__init__.py``).
"""
from __future__ import annotations

# Honorifics and titles that state a gender. "Chairman" and "spokesman" are not here:
# the -man forms are used of women too ("Chairman Mary Barra"); the marked feminine
# forms are reliable, so they are.
HONORIFIC_GENDER = {
    "mr": "male", "messrs": "male", "sir": "male", "lord": "male", "king": "male", "prince": "male",
    "duke": "male", "baron": "male", "emperor": "male", "sheikh": "male", "monsieur": "male",
    "herr": "male", "senor": "male", "señor": "male", "signor": "male",
    "mrs": "female", "ms": "female", "miss": "female", "dame": "female", "lady": "female",
    "queen": "female", "princess": "female", "duchess": "female", "baroness": "female",
    "empress": "female", "madam": "female", "madame": "female", "mme": "female", "mlle": "female",
    "frau": "female", "senora": "female", "señora": "female", "signora": "female", "sheikha": "female",
}

# Nouns that name a person of one gender, as a descriptor or title ("the chairwoman",
# "his sister", "actress Jane Roe").
GENDERED_NOUNS = {
    **{w: "female" for w in """
        chairwoman spokeswoman businesswoman congresswoman councilwoman assemblywoman
        alderwoman anchorwoman sportswoman stateswoman policewoman committeewoman
        countrywoman newswoman saleswoman forewoman
        actress waitress hostess stewardess heiress duchess countess baroness empress
        princess queen abbess priestess headmistress mistress widow
        mother grandmother stepmother wife daughter stepdaughter granddaughter sister
        aunt niece girlfriend fiancee bride woman girl lady nun matriarch
    """.split()},
    **{w: "male" for w in """
        father grandfather stepfather husband son stepson grandson brother uncle nephew
        boyfriend fiance groom widower man boy gentleman king prince duke monk patriarch
    """.split()},
}

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male",
                  "she": "female", "her": "female", "hers": "female", "herself": "female"}

# Role nouns (lower case, singular and plural) -> role. The codes are records.ROLES.
_ROLE_WORDS = {
    "government": """
        president vice-president premier minister secretary official officials spokesman spokeswoman
        spokesperson governor mayor ambassador diplomat diplomats envoy consul administrator
        commissioner regulator regulators bureaucrat ministry government administration
        cabinet chancellor attorney-general comptroller treasurer deputy aide aides
        monarch king queen prince princess emperor dictator leader leaders ruler
        civil-servant agency department authority authorities press-secretary gov
        city-attorney county-attorney solicitor-general premier-elect
    """,
    "legislator": """
        senator senators sen sens reps congressman congresswoman congressmen representative rep
        lawmaker lawmakers legislator legislators mp mps mep meps councilor councillor councilors
        councillors councilman councilwoman alderman alderwoman assemblyman assemblywoman
        parliamentarian parliamentarians delegate deputies legislature parliament senate congress
        council speaker majority-leader minority-leader whip
    """,
    "judiciary": """
        district-attorney state-attorney judge judges justice justices magistrate magistrates prosecutor prosecutors court
        courts tribunal jury juror jurors
    """,
    "police_military": """
        police policeman policewoman officer officers sheriff deputy-sheriff detective detectives
        trooper troopers constable inspector sergeant sgt lieutenant lt captain capt colonel col
        major maj general gen admiral adm commander cmdr soldier soldiers troops army navy
        marine marines military airman pilot-officer firefighter firefighters fire-chief
        guard guards spy spies intelligence
    """,
    "party": """
        candidate candidates nominee nominees campaign campaigns strategist strategists
        party parties democrat democrats republican republicans conservative conservatives
        liberal liberals tory tories pollster pollsters surrogate surrogates running-mate
        operative operatives delegate-elect chairman-of-the-party
    """,
    "expert": """
        professor professors prof lecturer lecturers academic academics scholar scholars
        researcher researchers scientist scientists analyst analysts specialist specialists
        expert experts economist economists historian historians fellow fellows
        sociologist psychologist political-scientist epidemiologist physician physicians doctor
        doctors dr surgeon surgeons lawyer lawyers attorney attorneys consultant consultants
        engineer engineers statistician statisticians demographer strategist-analyst
        university institute think-tank observer observers glaciologist climatologist
        seismologist geologist meteorologist forecaster forecasters virologist dean
    """,
    "business": """
        executive executives ceo cfo coo chief-executive businessman businesswoman businessmen
        entrepreneur entrepreneurs investor investors banker bankers trader traders
        industrialist owner owners founder co-founder shareholder shareholders company
        companies firm firms bank banks corporation employer employers developer developers
        manager-of-company landlord retailer retailers mogul billionaire tycoon lobbyist
        lobbyists producer producers exporter exporters operator operators insurer
    """,
    "civil_society": """
        activist activists advocate advocates campaigner campaigners organizer organizers
        organiser organisers volunteer volunteers charity charities nonprofit nonprofits
        ngo ngos environmentalist environmentalists group groups coalition coalitions foundation
        foundations association associations alliance trust humanitarian humanitarians
        rights-group watchdog
    """,
    "union": """
        union unions unionist unionists steward stewards labor-leader syndicate
    """,
    "religious": """
        pastor pastors priest priests rabbi rabbis imam imams bishop bishops archbishop cardinal
        reverend rev cleric clerics preacher preachers chaplain chaplains pope nun nuns monk
        monks minister-of-religion evangelist evangelists mufti ayatollah church churches diocese
        parish mosque synagogue temple
    """,
    "media": """
        journalist journalists reporter reporters editor editors columnist columnists anchor
        anchorman anchorwoman correspondent correspondents commentator commentators broadcaster
        broadcasters pundit pundits newspaper newspapers network networks publisher host hosts
        blogger bloggers writer-journalist newsman newswoman magazine outlet paper personality
        interviewer interviewers moderator moderators presenter presenters talk-show-host
    """,
    "sports_culture": """
        coach coaches player players athlete athletes striker goalkeeper midfielder defender
        quarterback pitcher captain-of-team footballer cricketer boxer runner swimmer
        club clubs team teams league actor actress actors singer singers musician musicians
        artist artists filmmaker filmmakers director-of-film author authors novelist novelists
        poet poets comedian comedians star stars rapper rappers dancer dancers composer
        playwright painter sculptor photographer designer chef celebrity celebrities
        supporters-trust
    """,
    "ordinary": """
        resident residents voter voters parent parents mother father neighbor neighbors
        neighbour neighbours witness witnesses passenger passengers farmer farmers herder herders
        shopper shoppers homeowner homeowners student students worker workers employee employees
        nurse nurses teacher teachers driver drivers fan fans supporter supporters customer
        customers commuter commuters retiree retirees veteran veterans victim victims survivor
        survivors protester protesters protestor protestors demonstrator demonstrators evacuee
        evacuees citizen citizens villager villagers tenant tenants patient patients consumer
        consumers listener listeners viewer viewers reader readers people person man woman
        mom dad widow widower husband wife son daughter grandmother grandfather family families
        relative relatives friend friends spectator spectators respondents respondent
        member-of-public local locals fisherman fishermen miner miners owner-of-shop shopkeeper
        mechanic
    """,
}
ROLE_NOUNS: dict[str, str] = {}
for _role, _words in _ROLE_WORDS.items():
    for _w in _words.split():
        ROLE_NOUNS.setdefault(_w.replace("-", " "), _role)

# Heads whose role is the organisation's they work for ("a spokesman for the union",
# "president of the bank"); the value here is the role when no organisation is named.
GENERIC_HEADS = {
    "spokesman": None, "spokeswoman": None, "spokesperson": None, "chief executive": "business",
    "executive director": None, "vice president": "government", "general secretary": None,
    "official": "government", "officials": "government", "president": "government",
    "chairman": None, "chairwoman": None, "chair": None, "director": None, "head": None,
    "chief": None, "manager": None, "member": None, "members": None, "leader": "government",
    "leaders": "government", "adviser": None, "advisers": None, "advisor": None, "advisors": None,
    "aide": "government", "aides": "government", "executive": "business", "executives": "business",
    "secretary": "government", "chancellor": "government", "dean": "expert",
    "staffer": None, "staffers": None, "source": None, "sources": None, "representative": "legislator",
    "owner": "business", "deputy": None, "officer": "police_military",
    "officers": "police_military", "employee": "ordinary", "employees": "ordinary",
    "worker": "ordinary", "workers": "ordinary",
    "minister": "government", "commissioner": "government", "organizer": "civil_society",
    "coordinator": None, "negotiator": None, "negotiators": None, "partner": None,
    "captain": "police_military", "coach": "sports_culture", "trustee": None, "governor": "government",
}

# Words of an organisation's name (or the noun used for it) -> its role ("Chicago Police
# Department", "Federal Bureau of Prisons", "United Mine Workers of America"). Checked in order.
ORG_WORDS: list[tuple[str, str]] = [
    ("student", "ordinary"), ("students", "ordinary"), ("opposition", "party"),
    ("exporters", "business"), ("producers", "business"), ("manufacturers", "business"),
    ("union", "union"), ("unions", "union"), ("workers", "union"),
    ("federation of labor", "union"),
    ("police", "police_military"), ("army", "police_military"), ("navy", "police_military"),
    ("military", "police_military"), ("air force", "police_military"), ("sheriff", "police_military"),
    ("marines", "police_military"), ("guard", "police_military"), ("fire department", "police_military"),
    ("court", "judiciary"), ("tribunal", "judiciary"),
    ("campaign", "party"), ("party", "party"), ("democrats", "party"), ("republicans", "party"),
    
    ("university", "expert"), ("college", "expert"), ("institute", "expert"), ("institution", "expert"),
    ("school", "expert"), ("academy", "expert"), ("think tank", "expert"), ("research", "expert"),
    ("laboratory", "expert"), ("observatory", "expert"),
    ("center for", "expert"), ("centre for", "expert"), ("poll", "expert"),
    ("church", "religious"), ("diocese", "religious"), ("mosque", "religious"), ("synagogue", "religious"),
    ("archdiocese", "religious"),
    ("times", "media"), ("post", "media"), ("journal", "media"), ("news", "media"), ("herald", "media"),
    ("tribune", "media"), ("gazette", "media"), ("daily", "media"), ("telegraph", "media"),
    ("magazine", "media"), ("television", "media"), ("tv", "media"), ("radio", "media"),
    ("broadcasting", "media"), ("press", "media"), ("network", "media"), ("newspaper", "media"),
    ("ledger", "media"), ("chronicle", "media"), ("reporter", "media"), ("review", "media"),
    ("club", "sports_culture"), ("fc", "sports_culture"),
    ("olympic", "sports_culture"), ("federation of football", "sports_culture"),
    ("orchestra", "sports_culture"), ("theatre", "sports_culture"), ("theater", "sports_culture"),
    ("museum", "sports_culture"), ("supporters", "sports_culture"),
    ("foundation", "civil_society"), ("coalition", "civil_society"), ("association", "civil_society"),
    ("alliance", "civil_society"), ("society", "civil_society"), ("council of", "civil_society"),
    ("trust", "civil_society"), ("charity", "civil_society"),
    ("watch", "civil_society"), ("advocates", "civil_society"),
    ("network of", "civil_society"), ("movement", "civil_society"),
    ("ministry", "government"), ("department", "government"), ("agency", "government"),
    ("bureau", "government"), ("office", "government"), ("government", "government"),
    ("administration", "government"), ("commission", "government"), ("authority", "government"),
    
    ("cabinet", "government"), ("city of", "government"), ("county", "government"),
    ("state of", "government"), ("embassy", "government"), ("presidential", "government"),
    ("service", "government"), ("secretariat", "government"),
    ("central bank", "government"), ("reserve", "government"),
    
    ("parliament", "legislator"), ("senate", "legislator"),
    ("congress", "legislator"), ("assembly", "legislator"), ("city council", "legislator"),
    ("town council", "legislator"), ("county council", "legislator"), ("municipal council", "legislator"),
    ("state council", "legislator"), ("council", "civil_society"),
    ("bank", "business"), ("inc", "business"), ("corp", "business"), ("corporation", "business"),
    ("company", "business"), ("co", "business"), ("ltd", "business"), ("plc", "business"),
    ("group", "business"), ("holdings", "business"), ("energy", "business"), ("airlines", "business"),
    ("airline", "business"), ("motors", "business"), ("industries", "business"), ("llc", "business"),
    ("partners", "business"), ("capital", "business"), ("securities", "business"),
    ("chamber of commerce", "business"), ("employers", "business"),
    ("utility", "business"), ("electric", "business"), ("gas", "business"), ("oil", "business"),
    ("pharmaceutical", "business"), ("technologies", "business"), ("systems", "business"),
    ("fire", "police_military"), ("rescue", "police_military"),
]
# Heads that count people of the phrase after "of" ("groups of protesters", "members of the union").
QUANTITY_HEADS = frozenset({"group", "groups", "number", "numbers", "dozens", "hundreds", "thousands",
                            "members", "member", "one", "some", "many", "most", "several", "few",
                            "percent", "majority", "minority", "half", "third", "quarter", "chorus",
                            "handful", "couple", "crowd", "crowds", "family", "families", "all", "none",
                            "each", "two", "three", "four", "five"})

# Qualifiers that make a role past ("a former diplomat", "the ex-minister").
FORMER = frozenset({"former", "ex", "retired", "then", "onetime", "one-time", "erstwhile", "past"})

# Words that end the head part of a descriptor ("a spokesman | for the union").
DESCRIPTOR_STOPS = frozenset({"of", "at", "for", "from", "with", "in", "on", "to", "who", "whose",
                              "which", "that", "and", ",", "(", "-", "\u2014", "\u2013", "since",
                              "under", "whom", "where", "by", "over", "near", "about"})
