"""Hand annotation of speakers in eight articles of the issue-13 news gold (four Wikinews, CC BY 2.5; four
Tehran Times, CC BY 4.0, Mehr News Agency), written from the text (tests/gold/README.md).

Read by build.py. Statements are listed in the order of their content in the text.
"""


def P(id, name, aliases=(), titles=(), affiliations=()):
    return {"id": id, "name": name, "kind": "person", "aliases": [name, *aliases], "titles": list(titles),
            "affiliations": list(affiliations)}


def E(id, name, kind, aliases=()):
    return {"id": id, "name": name, "kind": kind, "aliases": [name, *aliases], "titles": [], "affiliations": []}


D, I, M = "direct", "indirect", "mixed"  # noqa: E741 - the statement types, one letter each in the table

ARTICLES = {
 "wikinews-2019-001": {
  "entities": [
   P("pelosi", "Nancy Pelosi", ["Pelosi", "Speaker of the House", "Speaker"], ["Speaker of the House"],
     ["Democrats", "House of Representatives", "United States Congress"]),
   P("trump", "Donald Trump", ["Trump", "President Donald Trump", "President Trump"], ["President"], ["United States"]),
   E("some", "Some", "unnamed", ["Some within her own party"])],
  "statements": [
   ("pelosi", "Pelosi", "I pledge that this Congress...across our nation,", "told", D, "promise"),
   ("trump", "President Donald Trump", "hopefully we're going to have a lot of things that we can get done together.", "saying", D, "assert"),
   ("pelosi", "Pelosi", "her plans for the new term...common ground with Republicans", "has said", I, "assert"),
   ("trump", "President Trump", "he will not approve a budget...border with Mexico", "has said", I, "promise"),
   ("pelosi", "Pelosi", "legislation that would fund the government through September", "has proposed", I, "propose", {"optional": True}),
   ("some", "Some", "younger leadership", "called for", I, "appeal"),
   ("pelosi", "Pelosi", "to support some of her opponents' plans...serving as Speaker", "had agreed", I, "promise", {"optional": True}),
  ]},
 "wikinews-2019-006": {
  "entities": [
   P("trump", "Donald Trump", ["Trump", "United States President Donald Trump", "President Trump", "The President",
     "the president", "the President"], ["President"], ["United States"]),
   P("pence", "Mike Pence", ["Pence", "The Vice President", "The Vice President, Mike Pence"], ["Vice President"], ["United States"]),
   P("pelosi", "Nancy Pelosi", ["Pelosi", "the Speaker of the House", "Nancy Pelosi, the Speaker of the House"],
     ["Speaker of the House"], ["House of Representatives", "Congress"]),
   P("schumer", "Chuck Schumer", ["Schumer", "The Senate Minority Leader", "The Senate Minority Leader, Chuck Schumer"],
     ["Senate Minority Leader"], ["Senate", "Congress"]),
   E("schumer-side", "Schumer and his colleagues", "group", ["Chuck Schumer and colleagues"]),
   P("durbin", "Dick Durbin", ["Durbin", "Senate Minority Whip Dick Durbin"], ["Senate Minority Whip"], ["Senate"]),
   P("schiff", "Adam Schiff", ["Schiff", "Represenative Adam Schiff",
     "incoming chair of the House Intelligence Committee Represenative Adam Schiff"],
     ["Representative", "incoming chair of the House Intelligence Committee"], ["House Intelligence Committee"]),
   E("durbin-schiff", "Senate Minority Whip Dick Durbin and incoming chair of the House Intelligence Committee Represenative Adam Schiff",
     "group", ["Dick Durbin and Adam Schiff", "Durbin and Schiff"]),
   E("irs", "The Internal Revenue Service", "organization", ["Internal Revenue Service", "IRS",
     "The Internal Revenue Service website"])],
  "statements": [
   ("trump", "United States President Donald Trump", "he can and may declare a national state of emergency", "said", I, "warn"),
   ("trump", "he", "would allow him to act without approval...border with Mexico", "said", I, "assert"),
   ("trump", "The President", "the budget include funding for the wall", "insists", I, "appeal"),
   ("trump", "Trump", "I can do it [call a national emergency] if I want. I may do it.", "said", D, "warn", {"before": 0}),
   ("trump", "Trump", "he would prefer to agree a solution with the opposition", "also said", I, "propose"),
   ("trump", "He", "I never threaten anybody.", "also said", D, "deny", {"before": 0}),
   ("trump", "He", "the wall was a crucial part of America's border security", "also claimed", I, "assert"),
   ("pence", "The Vice President, Mike Pence", "the United States is \"in the midst of a crisis on our southern border.\"", "said", M, "assert"),
   ("pelosi", "Nancy Pelosi, the Speaker of the House", "We are committed to keeping...clear to the president.", "said", D, "assert"),
   ("schumer", "The Senate Minority Leader, Chuck Schumer", "We made a plea to the president...federal workers hostage", "said", D, "appeal"),
   ("schumer-side", "We", "don't hold hundreds of thousands of federal workers hostage", "made a plea", I, "appeal", {"nested": True, "inside": True}),
   ("schumer", "The Senate Minority Leader, Chuck Schumer", "So we told the president we needed the government open. He resisted.", "said", D, "assert"),
   ("schumer-side", "we", "we needed the government open", "told", I, "appeal", {"nested": True, "inside": True}),
   ("durbin-schiff", "Senate Minority Whip Dick Durbin and incoming chair of the House Intelligence Committee Represenative Adam Schiff",
    "the President's power to do as he proposed", "questioned", I, "deny"),
   ("schiff", "Schiff", "it \"a non-starter\"", "called", M, "oppose"),
   ("durbin", "Durbin", "I can just tell you...without any concern", "said", D, "accuse"),
   ("trump", "President Trump", "he would be okay if the impasse over the shutdown went on for \"years.\"", "claims", M, "assert"),
   ("irs", "The Internal Revenue Service website", "citizens to continue paying their federal taxes", "advises", I, "appeal"),
  ]},
 "wikinews-2019-014": {
  "entities": [
   P("morell", "Michael Morell", ["Morell", "Former CIA deputy director Michael Morell"], ["Former CIA deputy director"], ["CIA"]),
   P("mendez", "Tony Mendez", ["Mendez", "Former United States Central Intelligence Agency agent Tony Mendez"],
     ["Former CIA agent"], ["CIA", "Central Intelligence Agency", "United States"]),
   P("jonna-mendez", "Jonna Mendez", ["Jonna", "Mendez's wife Jonna Mendez", "Mendez's wife"], [], ["CIA"]),
   P("affleck", "Ben Affleck", ["Affleck"], ["director"], []),
   E("publicist", "his publicist", "unnamed", ["Mendez's publicist"])],
  "statements": [
   ("morell", "Former CIA deputy director Michael Morell", "Tony was one of the best officers...May he Rest In Peace.", "praised", D, "assert"),
   ("mendez", "Mendez", "he considered himself \"an artist first.\"", "told", M, "assert"),
   ("jonna-mendez", "Mendez's wife Jonna Mendez", "He could be Pakistani...work with my husband.", "said", D, "assert"),
   ("affleck", "Affleck", "Tony Mendez was a true American hero...one of his stories.", "tweeted", D, "assert"),
   ("publicist", "his publicist", "Mendez died of Parkinson's disease", "According to", I, "assert"),
  ]},
 "wikinews-2019-015": {
  "entities": [
   E("officials", "officials", "unnamed", ["German officials in the lede"]),
   E("german-officials", "German officials", "unnamed", []),
   P("pompeo", "Mike Pompeo", ["Pompeo", "US Secretary of State Mike Pompeo"], ["Secretary of State"], ["United States", "US"]),
   E("us", "The United States government", "country", ["The US", "the US", "United States", "US", "The United States",
     "the United States government"]),
   E("rudaw", "Rudaw", "organization", []),
   P("seibert", "Steffen Seibert", ["Seibert", "German Chancellor Angela Merkel's spokesperson",
     "German Chancellor Angela Merkel's spokesperson, Steffen Seibert"], ["spokesperson"], ["Germany"]),
   P("grenell", "Richard Grenell", ["Grenell", "US Ambassador to Germany Richard Grenell"], ["Ambassador to Germany"],
     ["United States", "US"]),
   E("german-firms", "German firms including Deutsche Bahn, Deutsche Telekom, Daimler, and Siemens", "group",
     ["German firms", "Deutsche Bahn", "Deutsche Telekom", "Daimler", "Siemens"]),
   E("german-source", "a German government source", "unnamed", ["German government source"])],
  "statements": [
   ("officials", "officials", "this is for security reasons", "saying", I, "assert"),
   ("pompeo", "US Secretary of State Mike Pompeo", "The airline transports weapons...around the region,", "according to", D, "accuse"),
   ("us", "The US", "allies such as Germany to restrict Mahan's operations", "has been encouraging", I, "appeal", {"optional": True}),
   ("german-officials", "German officials", "The Federal Aviation Office of Germany has suspended Mahan's permit", "said", I, "assert"),
   ("rudaw", "Rudaw", "Mahan's director, Hamid Arabnejad Khanooki...Guard Corps of Iran", "reports", I, "assert"),
   ("seibert", "German Chancellor Angela Merkel's spokesperson, Steffen Seibert", "it is possible \"that this airline...within Europe and with the US", "said", M, "assert"),
   ("grenell", "US Ambassador to Germany Richard Grenell", "Mahan had \"contributed to...President Bashar al-Assad", "alleged", M, "accuse"),
   ("us", "The United States government", "Mahan flies fighters and cargo to Syria in support of al-Assad", "claims", I, "accuse"),
   ("us", "the US", "commercial entities to cease trading in Iran", "encouraging", I, "appeal", {"optional": True}),
   ("german-firms", "German firms including Deutsche Bahn, Deutsche Telekom, Daimler, and Siemens",
    "plans to pull out of the Middle Eastern nation", "have announced", I, "promise"),
   ("german-source", "a German government source", "the ban on Mahan Air is not part of any broader plan to increase sanctions on Iran", "said", I, "deny"),
  ]},
 "tehrantimes-480026": {
  "entities": [
   P("zelenskyy", "Volodymyr Zelenskyy", ["Zelenskyy", "The Ukrainian president", "the Ukrainian president",
     "Ukrainian President Volodymyr Zelenskyy", "Mr. Zelenskyy"], ["President"], ["Ukraine"]),
   E("foreign-ministry", "the Iranian foreign ministry", "organization", ["Iranian foreign ministry", "Foreign Ministry",
     "Iranian Foreign Ministry"]),
   P("kanaani", "Nasser Kanaani", ["Kanaani", "Foreign Ministry spokesman Nasser Kanaani", "The spokesperson"],
     ["spokesman"], ["Foreign Ministry", "Iran"])],
  "statements": [
   ("zelenskyy", "The Ukrainian president", "Iran had given Russia weapons to use in the war in Ukraine", "claimed", I, "accuse"),
   ("foreign-ministry", "the Iranian foreign ministry", "such an allegation", "denied", I, "deny"),
   ("foreign-ministry", "the Iranian foreign ministry", "Iran's strategic patience’ is limited", "cautioned", I, "warn",
    {"addressee": "zelenskyy"}),
   ("kanaani", "Foreign Ministry spokesman Nasser Kanaani", "the \"hackneyed claims and discourteous statements\"...against Iran in the U.S.", "denouncing", M, "accuse"),
   ("zelenskyy", "Zelenskyy", "Iran had supported Russia militarily in the war on Ukraine", "charged", I, "accuse"),
   ("zelenskyy", "Zelenskyy", "Iran poses a serious threat to Ukraine's infrastructure,", "claimed", D, "accuse"),
   ("zelenskyy", "he", "When Russia cannot reach our cities...murderous program with Iran,", "added", D, "accuse"),
   ("kanaani", "Kanaani", "Once again, we reiterate...use in the Ukraine war,", "stated", D, "deny"),
   ("kanaani", "The spokesperson", "Iran's strategic tolerance with regard to the “unfounded claims” is limited", "reminded", M, "warn",
    {"addressee": "zelenskyy"}),
   ("kanaani", "He", "Iran's support for the territorial integrity of all nations, including Ukraine", "reiterated", I, "assert"),
   ("kanaani", "Kanaani", "Mr. Zelenskyy had better take lessons...on U.S. backing.", "added", D, "warn"),
  ]},
 "tehrantimes-480689": {
  "entities": [
   P("kanaani", "Nasser Kanaani", ["Kanaani", "Iranian Foreign Ministry spokesman Nasser Kanaani"], ["spokesman"],
     ["Iranian Foreign Ministry", "Iran"]),
   E("iran", "the Islamic Republic of Iran", "country", ["Iran", "Islamic Republic of Iran"]),
   P("lula", "Luiz Inacio Lula da Silva", ["Lula", "leftist President Luiz Inacio Lula da Silva", "The new president",
     "President Luiz Inacio Lula da Silva"], ["President"], ["Brazil"]),
   P("bolsonaro", "Jair Bolsonaro", ["Bolsonaro", "far-right former President Jair Bolsonaro"], ["former President"], ["Brazil"])],
  "statements": [
   ("kanaani", "Kanaani", "acts of violence, rioting...government institutions in Brazil", "has expressed concern about", I, "oppose"),
   ("kanaani", "Kanaani", "the Islamic Republic of Iran underlines...vote and will of people", "said", I, "appeal"),
   ("iran", "the Islamic Republic of Iran", "the necessity of maintaining stability...vote and will of people", "underlines", I, "appeal",
    {"nested": True, "inside": True, "optional": True}),
   ("lula", "The new president", "the assailants “fascists”", "called", M, "accuse"),
   ("lula", "The new president", "to punish whoever rampaged", "vowed", I, "promise"),
   ("lula", "he", "Whoever did this will be found...to respect institutions,", "said", D, "promise"),
   ("lula", None, "There is no precedent in the history...they must be punished.", None, D, "appeal"),
   ("bolsonaro", "Bolsonaro", "himself from the Sunday events", "distanced", I, "oppose", {"optional": True}),
   ("bolsonaro", "he", "Peaceful demonstrations, within the law, form part of democracy,", "tweeted", D, "assert"),
   ("bolsonaro", "he", "However, depredations and invasions...exceptions to the rule.", "tweeted", D, "assert"),
  ]},
 "tehrantimes-480750": {
  "entities": [
   P("amir-abdollahian", "Hossein Amir Abdollahian", ["Amir Abdollahian", "Iranian Foreign Minister Hossein Amir Abdollahian",
     "the Iranian foreign minister"], ["Foreign Minister"], ["Iran", "Foreign Ministry"]),
   E("iran", "Iran", "country", ["the Islamic Republic", "Islamic Republic of Iran", "Tehran"]),
   P("al-sudani", "Mohammad al-Sudani", ["al-Sudani", "Prime Minister al-Sudani", "Iraqi Prime Minister Mohammad al-Sudani",
     "The Iraqi prime minister", "the prime minister"], ["Prime Minister"], ["Iraq"]),
   P("raisi", "Ebrahim Raisi", ["Raisi", "Iranian President Ebrahim Raisi"], ["President"], ["Iran"])],
  "statements": [
   ("amir-abdollahian", "Iranian Foreign Minister Hossein Amir Abdollahian", "Iran had summoned the Iraqi ambassador...name for the Persian Gulf", "announced", I, "assert"),
   ("amir-abdollahian", "Amir Abdollahian", "In the wake of Iraqi authorities’ use...complete phrase of Persian Gulf,", "said", D, "assert"),
   ("iran", "we", "the great Iranian nation’s sensitivity...complete phrase of Persian Gulf", "informed", I, "assert",
    {"nested": True, "inside": True, "optional": True}),
   ("amir-abdollahian", "He", "Iraqi Prime Minister Mohammad al-Sudani has redressed...on social media platforms", "also said", I, "assert"),
   ("amir-abdollahian", "the Iranian foreign minister", "We communicated our protest...deep relations with Iraq,", "said", D, "assert"),
   ("al-sudani", "Prime Minister al-Sudani", "Tehran and Baghdad enjoy a historical relationship", "said", I, "assert"),
   ("al-sudani", "he", "The relationship with Iran is historical...social commonalities,", "said", D, "assert"),
   ("al-sudani", "He", "Since the changes in 2003...interfering in internal affairs,", "added", D, "assert"),
   ("al-sudani", "al-Sudani", "his thanks to the Islamic Republic...in the war on terrorism", "expressed", I, "other"),
   ("al-sudani", "He", "the importance of sustaining bilateral relations...in various fields", "also highlighted", I, "assert"),
   ("al-sudani", "The Iraqi prime minister", "his government has placed the economy...top of its priorities", "affirmed", I, "assert"),
   ("al-sudani", "The Iraqi prime minister", "close relations with Iran would contribute to addressing these priorities", "expressed wishes", I, "assert"),
   ("raisi", "Raisi", "The relations between the Islamic Republic of Iran and Iraq...world as possible,", "said", D, "assert"),
   ("raisi", "He", "Iran seeks to develop exchanges...realizing this goal.", "noted", D, "propose"),
  ]},
 "tehrantimes-480933": {
  "entities": [
   P("salmani", "Mohammad-Hossein Salmani", ["Salmani", "a provincial official", "The official",
     "the director-general of the province’s customs department",
     "Mohammad-Hossein Salmani, the director-general of the province’s customs department"],
     ["director-general of the province’s customs department"], ["Yazd province customs department", "Iran"])],
  "statements": [
   ("salmani", "a provincial official", "over 2.537 million tons of goods...December 21, 2022)", "As announced by", I, "assert"),
   ("salmani", "Mohammad-Hossein Salmani, the director-general of the province’s customs department",
    "the nine-month export shows five percent rise...year on year", "said", I, "assert"),
   ("salmani", "He", "ceramics and tiles, types of hydrocarbons...as the major export destinations", "named", I, "assert"),
   ("salmani", "The official", "98,489 tons of goods valued...same period of time in the past year", "further announced", I, "assert"),
   ("salmani", "He", "raw materials of production units...as the major imported items", "named", I, "assert"),
   ("salmani", "Salmani", "the value of export from Yazd province rose...from its preceding year", "As previously announced by", I, "assert"),
   ("salmani", "He", "3.122 million tons of commodities...in the previous year", "said", I, "assert"),
   ("salmani", "he", "In terms of the weight, the exports also indicate five percent annual growth", "added", I, "assert"),
   ("salmani", "He", "ceramics and tiles, steel sections...Uzbekistan, and Oman", "named", I, "assert"),
   ("salmani", "The official", "103,706 tons of products worth...84 percent growth in weight year on year", "further announced", I, "assert"),
   ("salmani", "He", "frozen beef and chicken meat, raw materials for production units...major sources of imports", "named", I, "assert"),
  ]},
}
