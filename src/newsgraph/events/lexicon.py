"""PLOVER event language as data: trigger words, frames, modes, contexts, sectors.

Nothing here names a person, place or outlet: these are English words for
political acts, the way PLOVER's manual describes each category. The model runs
without a lemmatizer, so the word forms are generated once (``verb_lemma``,
``noun_lemma``).

How a sentence is read (see ``extract.py``):

- ``ACTIONS``: verbs that report an act of one type ("shelled", "arrested").
- ``PHRASAL``: a verb with its particle ("beat up", "called off", "pulled out").
- ``FRAMES``: verbs whose type depends on the act they govern: ``commit`` (agree,
  promise, offer: AGREE for cooperation, THREATEN for force), ``threat``
  (threaten, warn: always THREATEN), ``refuse`` (REJECT), ``request`` (demand, urge:
  REQUEST), ``accept``, ``allow``, ``report`` (say, announce: no event of their
  own, but "X said it would ..." is X's commitment and "X said Y must ..." X's demand).
- ``LIGHT`` verbs take their type from their object noun (``NOUNS``), by how they
  treat it: ``do`` (stage a strike, impose a curfew), ``end`` (lift a curfew, call off
  a strike), ``give`` (provide aid), ``sign``, ``reach``, ``expel``, ``allow`` ...
"""
from __future__ import annotations

from typing import Optional

Act = tuple[str, Optional[str]]   # (PLOVER type, mode or None)

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
HOSTILE = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST", "THREATEN"})
VERBAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
# events between equals: "X and Y met" is X meeting Y
SYMMETRIC = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE"})

# ------------------------------------------------------------------ verbs of one type

ACTIONS: dict[str, Act] = {}


def _add(table: dict, words: str, act: Act) -> None:
    for w in words.split():
        table.setdefault(w.replace("_", " "), act)


_add(ACTIONS, "meet negotiate confer consult parley", ("CONSULT", None))
_add(ACTIONS, "visit tour", ("CONSULT", "visit"))
_add(ACTIONS, "host", ("CONSULT", None))
_add(ACTIONS, "mediate", ("CONSULT", "third-party"))
_add(ACTIONS, "telephone phone", ("CONSULT", "phone"))
_add(ACTIONS, "praise commend hail applaud laud endorse congratulate thank welcome salute "
              "recognize recognise ratify apologize apologise back champion support", ("SUPPORT", None))
_add(ACTIONS, "concede relent capitulate pardon amnesty", ("CONCEDE", None))
_add(ACTIONS, "cooperate collaborate extradite coordinate partner", ("COOPERATE", None))
_add(ACTIONS, "import export trade invest", ("COOPERATE", None))
_add(ACTIONS, "aid assist donate fund finance bankroll subsidize subsidise evacuate rescue shelter airlift",
     ("AID", None))
_add(ACTIONS, "withdraw retreat", ("RETREAT", "withdraw"))
_add(ACTIONS, "release free repatriate", ("RETREAT", "release"))
_add(ACTIONS, "disarm demobilize demobilise decommission", ("RETREAT", "disarm"))
_add(ACTIONS, "resign abdicate quit", ("RETREAT", "resign"))
_add(ACTIONS, "disband", ("RETREAT", "disarm"))
_add(ACTIONS, "forgive", ("AID", None))
_add(ACTIONS, "surrender cede", ("RETREAT", None))
_add(ACTIONS, "accuse allege blame condemn denounce criticize criticise decry deplore censure "
              "slam blast rebuke reprimand lambaste castigate chastise berate excoriate disparage "
              "vilify disapprove complain", ("ACCUSE", "disapprove"))
_add(ACTIONS, "charge indict sue prosecute", ("ACCUSE", "allege"))
_add(ACTIONS, "investigate probe", ("ACCUSE", "investigate"))
_add(ACTIONS, "rebuff spurn veto renege defy violate flout breach contravene", ("REJECT", None))
_add(ACTIONS, "menace intimidate", ("THREATEN", None))
_add(ACTIONS, "demonstrate rally march picket protest", ("PROTEST", "demo"))
_add(ACTIONS, "riot", ("PROTEST", "riot"))
_add(ACTIONS, "boycott", ("PROTEST", "boycott"))
_add(ACTIONS, "blockade barricade", ("PROTEST", "obstruct"))
_add(ACTIONS, "sanction embargo", ("SANCTION", None))
_add(ACTIONS, "convict sentence", ("SANCTION", "convict"))
_add(ACTIONS, "mobilize mobilise reinforce amass recruit", ("MOBILIZE", "troops"))
_add(ACTIONS, "patrol", ("MOBILIZE", "police"))
_add(ACTIONS, "arrest detain jail imprison incarcerate", ("COERCE", "arrest"))
_add(ACTIONS, "deport expel eject", ("COERCE", "deport"))
_add(ACTIONS, "censor", ("COERCE", "censor"))
_add(ACTIONS, "ban outlaw prohibit proscribe forbid", ("COERCE", "ban"))
_add(ACTIONS, "confiscate seize expropriate", ("COERCE", "sieze"))
_add(ACTIONS, "hack deface", ("COERCE", "cyber"))
_add(ACTIONS, "prevent restrict repress suppress", ("COERCE", "restrict"))
_add(ACTIONS, "attack assault raid ambush storm invade overrun clash fight battle capture retake recapture "
              "occupy bombard strike hit target", ("ASSAULT", None))
_add(ACTIONS, "shell", ("ASSAULT", "heavy-weapons"))
_add(ACTIONS, "bomb", ("ASSAULT", "explosives"))
_add(ACTIONS, "shoot gun", ("ASSAULT", "firearms"))
_add(ACTIONS, "kill murder wound injure maim slay", ("ASSAULT", None))
_add(ACTIONS, "massacre slaughter", ("ASSAULT", "massacre"))
_add(ACTIONS, "execute behead", ("ASSAULT", "execute"))
_add(ACTIONS, "assassinate", ("ASSAULT", "assassinate"))
_add(ACTIONS, "torture", ("ASSAULT", "torture"))
_add(ACTIONS, "beat", ("ASSAULT", "beat"))
_add(ACTIONS, "rape", ("ASSAULT", "sexual"))
_add(ACTIONS, "kidnap abduct hijack", ("ASSAULT", "abduct"))
_add(ACTIONS, "destroy demolish raze bulldoze torch loot burn", ("ASSAULT", "destroy"))

# verbs whose meaning needs a particle: (verb, particle) -> act
PHRASAL: dict[tuple[str, str], Act] = {
    ("beat", "up"): ("ASSAULT", "beat"), ("blow", "up"): ("ASSAULT", "explosives"),
    ("open", "fire"): ("ASSAULT", "firearms"), ("fire", "on"): ("ASSAULT", "firearms"),
    ("fire", "at"): ("ASSAULT", "firearms"), ("crack", "down"): ("COERCE", "restrict"),
    ("pull", "out"): ("RETREAT", "withdraw"), ("pull", "back"): ("RETREAT", "withdraw"),
    ("step", "down"): ("RETREAT", "resign"), ("stand", "down"): ("RETREAT", "resign"),
    ("lay", "down"): ("RETREAT", "disarm"), ("hand", "over"): ("RETREAT", None),
    ("back", "down"): ("CONCEDE", None), ("give", "in"): ("CONCEDE", None),
    ("call", "off"): ("CONCEDE", None), ("walk", "out"): ("SANCTION", "discontinue"),
    ("break", "off"): ("SANCTION", "discontinue"), ("cut", "off"): ("SANCTION", None),
    ("shut", "down"): ("COERCE", "restrict"), ("turn", "down"): ("REJECT", None),
    ("rule", "out"): ("REJECT", None), ("speak", "out"): ("ACCUSE", "disapprove"),
    ("speak", "with"): ("CONSULT", None), ("talk", "with"): ("CONSULT", None),
    ("speak", "alongside"): ("CONSULT", None), ("appear", "alongside"): ("CONSULT", None),
    ("meet", "with"): ("CONSULT", None), ("sit", "down"): ("CONSULT", None),
    ("take", "hostage"): ("ASSAULT", "abduct"), ("set", "fire"): ("ASSAULT", "primative"),
    ("rise", "up"): ("PROTEST", "riot"), ("go", "on"): ("PROTEST", None),
    ("find", "guilty"): ("SANCTION", "convict"), ("give", "into"): ("CONCEDE", None),
    ("approve", "of"): ("SUPPORT", None), ("break", "out"): ("PROTEST", None),
    ("force", "out"): ("SANCTION", "expel"),
}

# ------------------------------------------------------------------ frames

FRAMES: dict[str, str] = {}
_add(FRAMES, "agree offer promise pledge vow commit volunteer consent swear guarantee resolve "
             "decide plan intend propose", "commit")
_add(FRAMES, "threaten warn", "threat")
_add(FRAMES, "refuse decline reject oppose resist deny dismiss", "refuse")
_add(FRAMES, "demand urge ask request press pressure pressurize push appeal seek plead implore "
             "petition exhort", "request")
_add(FRAMES, "call", "call")            # call for, call on ... to
_add(FRAMES, "accept approve", "accept")
_add(FRAMES, "allow permit let admit", "allow")
_add(FRAMES, "prepare", "prepare")
_add(FRAMES, "order force compel instruct", "order")   # "ordered the paper to close": the paper is the target      # "prepared to resume shelling": readying force
_add(FRAMES, "consider weigh mull", "open")
_add(FRAMES, "say announce declare state confirm reiterate conclude claim tell add note report indicate "
             "signal reveal disclose assert stress maintain affirm reaffirm repeat explain write tweet "
             "respond reply quote insist", "report")
# "conceded that ...", "admitted that ...": statements, not concessions
ADMIT_VERBS = frozenset({"concede", "admit", "acknowledge", "confess", "recognize", "recognise", "accept"})
# acts that need someone (or somewhere) on the receiving end: "recognized the new government",
# not "recognized the benefits"; "struck the village", not "struck a deal"
NEEDS_ACTOR_OBJECT = frozenset({"strike", "hit", "target", "recognize", "recognise", "back", "support",
                                "endorse", "champion"})
# acts whose object, when there is one, must be someone: "met the minister", not "met the deadline"
ACTOR_OBJECT_IF_ANY = frozenset({"meet", "visit", "host", "praise", "welcome", "thank", "accuse", "condemn"})
# adjectives of readiness: "is willing to", "open to"
FRAME_ADJECTIVES: dict[str, str] = {"willing": "commit", "ready": "commit", "prepared": "commit",
                                    "determined": "commit", "eager": "commit", "keen": "commit",
                                    "open": "open", "unwilling": "refuse", "reluctant": "refuse"}
# "prepared to strike" readies force (MOBILIZE); for the rest of the acts it is a commitment
# the verbs that mean nothing without an act beside them
NEEDS_ACT = frozenset({"commit", "threat", "request", "call", "allow", "prepare", "open", "report"})

# ------------------------------------------------------------------ light verbs and event nouns

LIGHT: dict[str, str] = {}
_add(LIGHT, "stage hold launch conduct mount begin start organize organise wage unleash carry make issue "
            "lodge file level bring impose order open continue resume intensify escalate declare set "
            "attend join host take use fire detonate plant commit perpetrate enforce tighten extend "
            "announce introduce deliver", "do")
_add(LIGHT, "lift end halt stop suspend cancel abandon revoke rescind scrap terminate cease drop "
            "postpone reverse remove withdraw quit", "end")
_add(LIGHT, "ease relax loosen shorten", "ease")
_add(LIGHT, "cut reduce freeze withhold sever downgrade", "cut")
_add(LIGHT, "provide give send supply grant donate contribute lend loan ship dispatch pledge offer", "give")
_add(LIGHT, "sign ink", "sign")
_add(LIGHT, "reach strike conclude seal broker", "reach")
_add(LIGHT, "establish restore upgrade normalize normalise build strengthen improve expand deepen increase "
            "boost enhance create form", "build")
_add(LIGHT, "expel eject oust", "expel")
_add(LIGHT, "return", "return")
_add(LIGHT, "recall", "recall")
_add(LIGHT, "summon", "summon")
_add(LIGHT, "close block shut seal", "close")
_add(LIGHT, "deploy station move mass position order", "deploy")
_add(LIGHT, "observe respect implement honour honor", "observe")
_add(LIGHT, "share exchange", "share")
_add(LIGHT, "break violate breach", "break")
_add(LIGHT, "receive welcome admit", "allow")
_add(LIGHT, "express voice", "express")
_add(LIGHT, "test", "test")

# noun -> {how: act}; "*" applies to any light verb not listed
NOUNS: dict[str, dict[str, Act]] = {}


def _noun(words: str, **acts: Act) -> None:
    for w in words.split():
        NOUNS.setdefault(w.replace("_", " "), {}).update(acts)


_SANCTION_END = ("CONCEDE", None)
_noun("sanctions embargo embargoes tariffs tariff", do=("SANCTION", None), end=_SANCTION_END,
      ease=_SANCTION_END)
_noun("curfew", do=("COERCE", "curfew"), end=("CONCEDE", None), ease=("CONCEDE", None))
_noun("martial_law emergency", do=("COERCE", "martial-law"), end=("CONCEDE", None), ease=("CONCEDE", None))
_noun("ban", do=("COERCE", "ban"), end=("CONCEDE", None), ease=("CONCEDE", None), **{"break": ("REJECT", None)})
_noun("restrictions measures controls crackdown", do=("COERCE", "restrict"), end=("CONCEDE", None),
      ease=("CONCEDE", None))
_noun("blockade siege", do=("COERCE", "restrict"), end=("CONCEDE", None), ease=("CONCEDE", None))
_noun("strike strikes walkout", do=("PROTEST", "strike"), end=("CONCEDE", None))
_noun("hunger_strike", do=("PROTEST", "hunger"), end=("CONCEDE", None))
_noun("protest protests demonstration demonstrations rally rallies march marches sit-in vigil picket",
      do=("PROTEST", "demo"), end=("CONCEDE", None))
_noun("riot riots uprising", do=("PROTEST", "riot"), end=("CONCEDE", None))
_noun("boycott", do=("PROTEST", "boycott"), end=("CONCEDE", None))
_noun("talks negotiations meeting meetings summit discussions consultations conference dialogue session",
      do=("CONSULT", None), end=("SANCTION", "discontinue"), cut=("SANCTION", "discontinue"))
_noun("visit trip tour", do=("CONSULT", "visit"), end=("SANCTION", "discontinue"))
_noun("mediation", do=("CONSULT", "third-party"), end=("SANCTION", "discontinue"))
_noun("ties relations relationship", build=("SUPPORT", None), end=("SANCTION", None), cut=("SANCTION", None),
      close=("SANCTION", None), **{"break": ("SANCTION", None)})
_noun("embassy consulate", build=("SUPPORT", None), do=("SUPPORT", None), close=("SANCTION", None),
      end=("SANCTION", None))
_noun("aid assistance help funding funds loan loans grant grants food supplies relief donations medicine "
      "credit credits", give=("AID", None), do=("AID", None), end=("SANCTION", None), cut=("SANCTION", None))
_noun("asylum refuge", give=("AID", None), do=("AID", None))
_noun("treaty agreement accord deal pact contract", sign=("SUPPORT", None), reach=("AGREE", None),
      do=("AGREE", None), end=("SANCTION", "withdraw"), **{"break": ("REJECT", None)})
_noun("statement declaration pledge commitment memorandum communique", sign=("AGREE", None))
_noun("ceasefire cease-fire truce armistice", do=("CONCEDE", None), reach=("AGREE", None), sign=("AGREE", None),
      observe=("RETREAT", "ceasefire"), **{"break": ("ASSAULT", None)})
_noun("investigation investigations probe inquiry", do=("ACCUSE", "investigate"))
_noun("charges accusations allegations complaint complaints lawsuit suit case indictment",
      do=("ACCUSE", "allege"), end=("CONCEDE", None))
_noun("ultimatum threat threats warning deadline", do=("THREATEN", None), give=("THREATEN", None))
_noun("demand demands appeal appeals call calls request plea", do=("REQUEST", None))
_noun("offer proposal plan invitation initiative", do=("AGREE", None), give=("AGREE", None))
_noun("apology apologies", do=("SUPPORT", None), give=("SUPPORT", None), express=("SUPPORT", None))
_noun("support backing endorsement praise solidarity condolences", express=("SUPPORT", None),
      give=("SUPPORT", None), do=("SUPPORT", None))
_noun("condemnation criticism concern concerns outrage disapproval protest", express=("ACCUSE", "disapprove"),
      do=("ACCUSE", "disapprove"))
_noun("attack attacks assault offensive raid raids ambush operation", do=("ASSAULT", None))
_noun("drone_strike drone_strikes", do=("ASSAULT", "drone"))
_noun("missile_strike missile_strikes", do=("ASSAULT", "heavy-weapons"))
_noun("car_bomb car_bombs", do=("ASSAULT", "explosives"))
_noun("suicide_bombing suicide_bombings suicide_attack suicide_attacks", do=("ASSAULT", "suicide-attack"))
_noun("war_games joint_exercises joint_drills", do=("COOPERATE", None))
_noun("airstrike airstrikes air_strike air_strikes air_raid air_raids", do=("ASSAULT", "aerial"))
_noun("bombing bombings", do=("ASSAULT", "explosives"))
_noun("fire gunfire", do=("ASSAULT", "firearms"))
_noun("rockets rocket missiles missile mortars mortar shells artillery", do=("ASSAULT", "heavy-weapons"),
      test=("MOBILIZE", "weapons"), deploy=("MOBILIZE", "weapons"))
_noun("exercises exercise drills drill maneuvers manoeuvres war_games", do=("MOBILIZE", None))
_noun("troops forces soldiers army reinforcements warships tanks units battalions", deploy=("MOBILIZE", "troops"),
      give=("AID", None), do=("MOBILIZE", "troops"), build=("MOBILIZE", "troops"))
_noun("police", deploy=("MOBILIZE", "police"), give=("MOBILIZE", "police"))
_noun("militia militias", deploy=("MOBILIZE", "militia"), do=("MOBILIZE", "militia"))
_noun("weapons arms", give=("AID", None), test=("MOBILIZE", "weapons"), deploy=("MOBILIZE", "weapons"))
_noun("prisoners hostages detainees captives", give=("RETREAT", "release"), share=("RETREAT", "release"),
      **{"return": ("RETREAT", "release")})
_noun("borders border crossing crossings", close=("COERCE", "restrict"), do=("AID", None))
_noun("diplomats diplomat ambassador envoy", expel=("SANCTION", "expel"), recall=("SANCTION", "withdraw"),
      summon=("ACCUSE", "disapprove"))
_noun("inspectors observers monitors peacekeepers peacekeeping_force peacekeeping_troops mission",
      allow=("RETREAT", "access"), expel=("SANCTION", "expel"), end=("SANCTION", "withdraw"), give=("AGREE", None))
_noun("intelligence information expertise data", share=("COOPERATE", None), give=("AID", None))
_noun("reforms reform changes concessions concession", do=("CONCEDE", None), give=("CONCEDE", None))
_noun("cooperation collaboration partnership venture joint_venture trade investment investments exports imports "
      "extradition intelligence_sharing", do=("COOPERATE", None), build=("COOPERATE", None),
      sign=("COOPERATE", None), end=("SANCTION", None), cut=("SANCTION", None))
_noun("diplomatic_cooperation", do=("SUPPORT", None), build=("SUPPORT", None))
_noun("respect gratitude", express=("SUPPORT", None), do=("SUPPORT", None))
_noun("package aid_package", sign=("AID", None), give=("AID", None), do=("AID", None))
_noun("transfer shipment shipments delivery deliveries", do=("AID", None), end=("SANCTION", None),
      cut=("SANCTION", None))
_noun("roads road highway highways bridge traffic transport streets street railway", close=("PROTEST", "obstruct"))
_noun("debt", end=("AID", None), cut=("AID", None))
_noun("property land territory", **{"return": ("RETREAT", "return"), "give": ("RETREAT", "return")})
_noun("convictions conviction verdict sentence", do=("SANCTION", "convict"))
_noun("misinformation disinformation propaganda fake_news", do=("COERCE", "misinformation"))
_noun("shutdown internet_shutdown blackout", do=("COERCE", "withhold"))
_noun("cyberattack cyberattacks cyber_attack cyber_attacks", do=("COERCE", "cyber"))
_noun("lockdown", do=("COERCE", "restrict"), end=("CONCEDE", None), ease=("CONCEDE", None))
_noun("patrols patrol recruitment readiness", do=("MOBILIZE", None), build=("MOBILIZE", None))
_noun("hostilities fighting attacks", end=("CONCEDE", None))
_noun("steps", do=("CONCEDE", None))
_noun("newspaper newspapers website websites station publication", close=("COERCE", "censor"),
      end=("COERCE", "censor"))
_noun("electricity power water internet", end=("COERCE", "withhold"), cut=("COERCE", "withhold"))

# event nouns that report an event by themselves when an actor is named with them
# ("the Trump-Kim summit", "Israel's attack on Gaza", "talks with the U.S.")
EVENT_NOUNS: dict[str, Act] = {}
# things and people a light verb acts on, which report nothing by themselves
_NOT_EVENTS = frozenset("""
measures controls reforms reform changes steps plan case suit operation call calls session fire credit credits
deadline concerns concern initiative statement help troops forces soldiers army reinforcements warships tanks
units battalions police militia militias weapons arms rockets rocket missiles missile mortars mortar shells
artillery borders border crossing crossings diplomats diplomat ambassador envoy inspectors observers monitors
peacekeepers intelligence information expertise data newspaper newspapers website websites station publication
electricity power water internet embassy consulate aid assistance funding funds loan loans grant grants food
supplies relief donations medicine asylum refuge transfer shipment shipments delivery deliveries package
aid_package property land territory debt respect gratitude mission trade investment investments exports imports
roads road highway highways bridge traffic transport streets street railway support backing praise
""".split())
for _w, _acts in NOUNS.items():
    if "do" in _acts and _w not in _NOT_EVENTS:
        EVENT_NOUNS[_w] = _acts["do"]
# "the suspension of attacks", "the lifting of the curfew": the end of the act named after "of"
END_NOUNS = frozenset({"suspension", "lifting", "easing", "removal", "relaxation", "cessation", "halt", "end",
                       "cancellation", "termination", "withdrawal"})
# nouns of commitment, threat, demand and refusal: "a commitment to ease", "a threat to expel"
FRAME_NOUNS: dict[str, str] = {"commitment": "commit", "pledge": "commit", "promise": "commit", "vow": "commit",
                               "offer": "commit", "intention": "commit", "threat": "threat", "warning": "threat",
                               "demand": "request", "call": "request", "appeal": "request", "refusal": "refuse",
                               "possibility": "possible", "potential": "possible", "plans": "possible",
                               "plan": "possible"}
# verbs of happening: "riots broke out", "a ceasefire began", "aid arrived"
HAPPEN = frozenset({"begin", "start", "erupt", "spread", "continue", "resume", "escalate", "rage", "arrive",
                    "break", "occur", "hold", "take", "intensify", "come"})
# verbs of stopping: "hostilities stopped", "the fighting ended"
STOP = frozenset({"stop", "end", "cease", "halt", "subside"})
for _w in ("ceasefire", "cease-fire", "truce"):
    EVENT_NOUNS[_w] = ("RETREAT", "ceasefire")
# what arrives or begins by itself: "aid arrived", "a ceasefire began"
HAPPEN_NOUNS: dict[str, Act] = {"aid": ("AID", None), "assistance": ("AID", None), "shipment": ("AID", None),
                                "shipments": ("AID", None), "relief": ("AID", None),
                                "ceasefire": ("RETREAT", "ceasefire"), "truce": ("RETREAT", "ceasefire"),
                                "peacekeepers": ("RETREAT", "access"), "observers": ("RETREAT", "access")}
for _w in ("rioting", "riots", "riot"):
    EVENT_NOUNS[_w] = ("PROTEST", "riot")
for _w in ("withdrawal", "pullout"):
    EVENT_NOUNS[_w] = ("RETREAT", "withdraw")
for _w in ("resignation",):
    EVENT_NOUNS[_w] = ("RETREAT", "resign")
for _w in ("arrest", "arrests", "detention"):
    EVENT_NOUNS[_w] = ("COERCE", "arrest")
for _w in ("massacre", "killing", "killings"):
    EVENT_NOUNS[_w] = ("ASSAULT", "massacre" if _w == "massacre" else None)
for _w in ("invasion", "shelling", "bombardment", "clashes", "fighting"):
    EVENT_NOUNS[_w] = ("ASSAULT", "heavy-weapons" if _w in ("shelling", "bombardment") else None)
for _w in ("expulsion",):
    EVENT_NOUNS[_w] = ("SANCTION", "expel")

# ------------------------------------------------------------------ what an embedded act means under a frame

# threats: the mode is what is threatened
THREAT_MODES: dict[str, str] = {"ASSAULT": "violence", "MOBILIZE": "violence", "PROTEST": "restrict",
                                "SANCTION": "relations"}
THREAT_MODE_OF_MODE: dict[str, str] = {"arrest": "arrest", "ban": "ban", "censor": "ban", "curfew": "restrict",
                                       "martial-law": "restrict", "restrict": "restrict", "deport": "expel",
                                       "expel": "expel", "discontinue": "relations", "withdraw": "relations",
                                       "withhold": "restrict", "sieze": "territory"}
# requests and rejections: PLOVER's modes meet / assist / yield / change
ASK_MODES: dict[str, str] = {"CONSULT": "meet", "AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist",
                             "CONCEDE": "yield", "RETREAT": "yield", "AGREE": "change"}

# ------------------------------------------------------------------ modes from the words around

# an ASSAULT's means, read from the words of its clause
ASSAULT_MODES: dict[str, str] = {}
_add(ASSAULT_MODES, "bomb bombs bombing bombings explosive explosives ied ieds mine mines minefield landmine "
                    "landmines grenade grenades blast explosion explosions detonated", "explosives")
_add(ASSAULT_MODES, "artillery shell shells shelling shelled mortar mortars rocket rockets missile missiles "
                    "tank tanks howitzer howitzers", "heavy-weapons")
_add(ASSAULT_MODES, "airstrike airstrikes warplane warplanes jets bomber bombers aircraft air_strike air_strikes "
                    "air_raid air_raids helicopter helicopters gunship gunships", "aerial")
_add(ASSAULT_MODES, "drone drones uav uavs", "drone")
_add(ASSAULT_MODES, "gun guns gunfire gunmen gunman rifle rifles shot shooting shootings shootout gunbattle "
                    "gunfight bullets sniper snipers", "firearms")
_add(ASSAULT_MODES, "machete machetes knife knives axe axes stones rocks sticks clubs spears arrows", "primative")
_add(ASSAULT_MODES, "suicide", "suicide-attack")
_add(ASSAULT_MODES, "tear_gas rubber_bullets water_cannon water_cannons batons pepper_spray", "crowd-control")
_add(ASSAULT_MODES, "chemical biological nerve_agent sarin", "unconventional")
_add(ASSAULT_MODES, "ethnic_cleansing", "cleansing")
# the order in which means decide when several are named (the most specific first)
ASSAULT_MODE_ORDER = ("suicide-attack", "drone", "aerial", "crowd-control", "unconventional", "cleansing",
                      "explosives", "heavy-weapons", "firearms", "primative")
PROTEST_MODES: dict[str, str] = {}
_add(PROTEST_MODES, "strike strikes striking walkout", "strike")
_add(PROTEST_MODES, "hunger", "hunger")
_add(PROTEST_MODES, "boycott boycotts boycotting", "boycott")
_add(PROTEST_MODES, "riot riots rioting rioted rioters", "riot")
_add(PROTEST_MODES, "block blocked blocking blockade roadblocks barricades obstruct", "obstruct")
_add(PROTEST_MODES, "demonstration demonstrations rally rallies march marches protesters demonstrators", "demo")
PROTEST_MODE_ORDER = ("hunger", "riot", "boycott", "obstruct", "strike", "demo")

# ------------------------------------------------------------------ contexts

CONTEXTS: dict[str, str] = {}
_add(CONTEXTS, "trade tariff tariffs economic economy exports imports investment investments debt market "
               "markets currency finance financial business free-trade", "economic")
_add(CONTEXTS, "military troops army soldiers forces weapons missile missiles navy warships defence defense "
               "artillery", "military")
_add(CONTEXTS, "diplomatic diplomat diplomats ambassador embassy envoy summit", "diplomatic")
_add(CONTEXTS, "humanitarian", "humanitarian")
_add(CONTEXTS, "refugees refugee migrants migrant asylum displaced", "migration")
_add(CONTEXTS, "court courts judge lawsuit law legal tribunal", "legal")
_add(CONTEXTS, "election elections vote voting ballot ballots candidates campaign", "election")
_add(CONTEXTS, "terror terrorist terrorists terrorism", "terrorism")
_add(CONTEXTS, "nuclear chemical biological denuclearization", "cbrn")
_add(CONTEXTS, "cyber hackers hacked hacking", "cyber")
_add(CONTEXTS, "parliament congress legislation lawmakers legislature", "legislative")
_add(CONTEXTS, "corruption bribery bribes embezzlement kickbacks", "corruption")
_add(CONTEXTS, "peacekeeping peacekeepers peacekeeper", "peacekeeping")
_add(CONTEXTS, "intelligence espionage", "intelligence")
CONTEXT_PHRASES = {"human rights": "human_rights"}

# ------------------------------------------------------------------ sectors (CAMEO/PLOVER agents)

SECTORS: dict[str, str] = {}
_add(SECTORS, "government governments administration ministry ministries minister ministers cabinet regime "
              "president presidents premier chancellor king queen emir sultan monarch prince authorities "
              "official officials governor mayor spokesman spokeswoman spokesperson embassy ambassador "
              "diplomat diplomats envoy state secretary leader leadership junta", "GOV")
_add(SECTORS, "army military troops soldiers soldier forces navy marines commander commanders militaries "
              "warships aircraft helicopters tanks battalion brigade", "MIL")
_add(SECTORS, "police policemen officers", "COP")
_add(SECTORS, "parliament parliaments congress senate assembly lawmakers legislators legislature deputies "
              "mps senators congressman congresswoman", "LEG")
_add(SECTORS, "court courts judge judges tribunal prosecutor prosecutors judiciary", "JUD")
_add(SECTORS, "rebels rebel guerrillas guerrilla insurgents insurgent militants militant militia militias "
              "fighters separatists gunmen extremists", "REB")
_add(SECTORS, "opposition dissidents dissident", "OPP")
_add(SECTORS, "company companies firm firms corporation business businesses bank banks", "BUS")
_add(SECTORS, "newspaper newspapers journalist journalists media reporters broadcaster agency", "MED")
_add(SECTORS, "union unions workers strikers", "LAB")
_add(SECTORS, "students student university universities teachers school", "EDU")
_add(SECTORS, "refugees refugee migrants displaced", "REF")
_add(SECTORS, "protesters demonstrators activists civilians residents villagers people citizens prisoners "
              "supporters", "CVL")
# words of an organisation's name that make it intergovernmental or non-governmental
IGO_WORDS = frozenset({"nations", "league", "alliance", "treaty", "atlantic"})
IGO_HEADS = frozenset({"union", "community", "council", "commission", "organization", "organisation", "agency",
                       "fund", "bank", "court", "tribunal", "programme", "program", "parliament"})
IGO_QUALIFIERS = frozenset({"international", "world", "european", "african", "arab", "asian", "pacific",
                            "american", "atomic", "security", "monetary", "regional", "islamic"})
NGO_WORDS = frozenset({"watch", "amnesty", "cross", "crescent", "foundation", "doctors", "physicians",
                       "reporters", "rights"})

# nouns that name who acts (for source and target), beyond named entities
ACTOR_NOUNS = frozenset(SECTORS) | frozenset("""
people group groups members member residents villagers workers nationals crowd crowds youths youth women men
children families faction factions movement party parties coalition organization organisation organizations
delegation delegations negotiators mediator partners allies side sides country countries nation nations
neighbor neighbour neighbors neighbours kurds arabs moslems muslims christians jews shiites sunnis tribesmen
hackers bombers attackers bomber attacker terrorists terrorist network detainees hostages inmates leaders
""".split())
# a quantity or part of a group: "thousands of students", "leaders of the coalition"
GROUP_HEADS = frozenset("""
thousands hundreds dozens scores tens millions group groups members member number numbers part
third half quarter majority minority leaders leader supporters some many most several all one two three
four five six seven eight nine ten delegation
""".split())

# ------------------------------------------------------------------ word forms

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "beat": ("beats", "beaten", "beating"), "blow": ("blows", "blew", "blown", "blowing"),
    "bring": ("brings", "brought", "bringing"), "build": ("builds", "built", "building"),
    "cut": ("cuts", "cutting"), "fight": ("fights", "fought", "fighting"), "freeze": ("freezes", "froze",
                                                                                      "frozen", "freezing"),
    "give": ("gives", "gave", "given", "giving"), "go": ("goes", "went", "gone", "going"),
    "hit": ("hits", "hitting"), "hold": ("holds", "held", "holding"), "lay": ("lays", "laid", "laying"),
    "lead": ("leads", "led", "leading"), "lend": ("lends", "lent", "lending"), "let": ("lets", "letting"),
    "make": ("makes", "made", "making"), "meet": ("meets", "met", "meeting"), "rise": ("rises", "rose", "risen",
                                                                                     "rising"),
    "say": ("says", "said", "saying"), "seek": ("seeks", "sought", "seeking"), "send": ("sends", "sent",
                                                                                      "sending"),
    "set": ("sets", "setting"), "shoot": ("shoots", "shot", "shooting"), "shut": ("shuts", "shutting"),
    "sit": ("sits", "sat", "sitting"), "slay": ("slays", "slew", "slain", "slaying"),
    "speak": ("speaks", "spoke", "spoken", "speaking"), "stand": ("stands", "stood", "standing"),
    "strike": ("strikes", "struck", "stricken", "striking"), "swear": ("swears", "swore", "sworn", "swearing"),
    "take": ("takes", "took", "taken", "taking"), "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"), "undertake": ("undertakes", "undertook", "undertaken",
                                                                      "undertaking"),
    "withdraw": ("withdraws", "withdrew", "withdrawn", "withdrawing"), "begin": ("begins", "began", "begun",
                                                                                 "beginning"),
    "wage": ("wages", "waged", "waging"), "put": ("puts", "putting"), "deal": ("deals", "dealt", "dealing"),
    "bid": ("bids", "bidding"), "shed": ("sheds", "shedding"), "break": ("breaks", "broke", "broken", "breaking"),
    "forbid": ("forbids", "forbade", "forbidden", "forbidding"), "wound": ("wounds", "wounded", "wounding"),
}


def _regular(lemma: str) -> tuple[str, ...]:
    if lemma.endswith("ee"):
        return (lemma + "s", lemma + "d", lemma + "ing")
    if lemma.endswith("e"):
        return (lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return (lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return (lemma + "es", lemma + "ed", lemma + "ing")
    forms = [lemma + "s", lemma + "ed", lemma + "ing"]
    # a final consonant doubles after one short vowel: stop -> stopped, ban -> banned, commit -> committed
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    if lemma.endswith("l"):
        forms += [lemma + "led", lemma + "ling"]
    return tuple(forms)


def inflections(lemma: str) -> tuple[str, ...]:
    return (lemma, *_IRREGULAR.get(lemma, _regular(lemma)))


VERB_FORMS: dict[str, str] = {}
for _lemma in [*ACTIONS, *FRAMES, *LIGHT, *{v for v, _ in PHRASAL}]:
    for _form in inflections(_lemma):
        VERB_FORMS.setdefault(_form, _lemma)


def verb_lemma(word: str) -> str:
    """The lemma of a verb form the lexicon knows (the word itself otherwise)."""
    w = word.lower()
    return VERB_FORMS.get(w, w)


def noun_lemma(word: str) -> str:
    """The form ``NOUNS`` and ``EVENT_NOUNS`` use: plural or singular, whichever is listed."""
    w = word.lower()
    if w in NOUNS or w in EVENT_NOUNS:
        return w
    for cand in (w[:-1] if w.endswith("s") else None, w[:-2] if w.endswith("es") else None, w + "s"):
        if cand and (cand in NOUNS or cand in EVENT_NOUNS):
            return cand
    return w
