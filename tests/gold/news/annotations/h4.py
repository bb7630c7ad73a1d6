"""Hand annotation of who said what in eight articles of the issue-13 news gold (annotator h4):
wikinews-2019-089, -101, -111, -114 (CC BY 2.5) and tehrantimes-482502, -482706, -483060, -483540
(CC BY 4.0, Mehr News Agency).

Written from the text only, following tests/gold/README.md. Read by build.py. Statements are listed in
the order of their content in the text.
"""


from goldbuild import D, E, I, M, P  # noqa: E741 - the shared helpers and statement-type letters

ARTICLES = {
 "wikinews-2019-089": {
  "entities": [
   P("queen", "Queen Elizabeth II", ["the United Kingdom's Queen Elizabeth II", "the Queen", "the monarch"],
     ["Queen", "monarch", "head of state"], ["United Kingdom"]),
   P("johnson", "Boris Johnson", ["Johnson", "Prime Minister Boris Johnson", "Prime Minister Johnson"],
     ["Prime Minister"], ["United Kingdom", "government"]),
   E("critics", "Critics from across Britain's political spectrum", "unnamed", ["Critics"]),
   E("johnsons-critics", "Johnson's critics", "unnamed", ["critics"]),
   P("corbyn", "Jeremy Corbyn", ["Corbyn", "Labour Party leader Jeremy Corbyn"], ["leader"], ["Labour Party"]),
   E("bbc", "the BBC", "organization", ["BBC"]),
   P("bercow", "John Bercow", ["Bercow", "House of Commons Speaker John Bercow", "a Speaker"], ["Speaker"],
     ["House of Commons"]),
   P("cooper", "Yvette Cooper", ["Cooper", "Member of Parliament (MP) Yvette Cooper of the Labour Party",
     "Member of Parliament (MP) Yvette Cooper"], ["Member of Parliament", "MP"], ["Labour Party"]),
   P("hammond", "Philip Hammond", ["Hammond", "Conservative MP Philip Hammond"], ["MP"], ["Conservative"]),
   E("commons-library", "the House of Commons Library", "organization", ["House of Commons Library"])],
  "statements": [
   ("queen", "the United Kingdom's Queen Elizabeth II", "she will comply with the request...September and October", "announced", I, "promise"),
   ("johnson", "Prime Minister Boris Johnson", "to suspend Parliament for parts of September and October", None, I, "appeal", {"nested": True, "inside": True, "optional": True}),
   ("critics", "Critics from across Britain's political spectrum", "this is a move by Johnson to foil...by October 31", "have claimed", I, "accuse"),
   ("johnson", "Johnson", "this break will allow him to develop plans...present on October 14", "According to", I, "assert"),
   ("johnsons-critics", "Johnson's critics", "this is a ploy to achieve a no-deal Brexit", "According to", I, "accuse"),
   ("johnson", "Johnson", "We're not going to wait until Oct. 31...take this country forward", "said", D, "promise"),
   ("johnson", None, "This is a new government with a very exciting agenda", None, D, "assert"),
   ("corbyn", "Labour Party leader Jeremy Corbyn", "the move a \"smash and grab on our democracy\"", "called", M, "accuse"),
   ("bbc", "the BBC", "an unusual move by a Speaker", "noted", I, "assert"),
   ("bercow", "House of Commons Speaker John Bercow", "However it is dressed up...course for the country.", "commented", D, "accuse"),
   ("johnson", "Prime Minister Johnson", "Jeremy Corbyn wants to cancel the referendum...by October 31st.", "told", D, "accuse"),
   ("cooper", "Member of Parliament (MP) Yvette Cooper of the Labour Party", "Boris Johnson is trying to use the Queen...irresponsible way to govern.", "added", D, "accuse"),
   ("hammond", "Conservative MP Philip Hammond", "It would be a constitutional outrage...time of national crisis.", "commented", D, "oppose"),
   ("commons-library", "the House of Commons Library", "in the past few decades most prorogations have been for at most two weeks", "According to", I, "assert"),
  ]},
 "wikinews-2019-101": {
  "entities": [
   P("johnson", "Boris Johnson", ["Johnson", "United Kingdom Prime Minister Boris Johnson"], ["Prime Minister"],
     ["United Kingdom", "Conservative Party"]),
   E("bbc", "the BBC", "organization", ["BBC"]),
   E("commons-members", "Members of the House of Commons", "group", ["Members"]),
   P("corbyn", "Jeremy Corbyn", ["Corbyn", "Opposition leader Jeremy Corbyn"], ["Opposition leader"], ["Labour Party"])],
  "statements": [
   ("bbc", "the BBC", "it is commonplace for new governments...has been controversial", "According to", I, "assert"),
   ("johnson", "Johnson's", "for the UK to leave with or without a trade deal...any further extensions", "stated intent", I, "promise", {"optional": True}),
   ("johnson", "Johnson", "[W]e must get Brexit done...trust our democratic system", "said", D, "appeal"),
   ("commons-members", "Members of the House of Commons", "shame on you!", "shouting", D, "accuse"),
   ("commons-members", "signs", "silenced", "read", D, "accuse", {"optional": True}),
   ("corbyn", "Opposition leader Jeremy Corbyn", "his Labour Party \"[are] eager for an election...or indeed our rights\"", "said", M, "oppose"),
   ("johnson", "Johnson", "this prorogation", "asked", I, "appeal", {"before": 0}),
  ]},
 "wikinews-2019-111": {
  "entities": [
   E("btp", "British Transport Police", "organization", ["British Transport Police (BTP)", "BTP"]),
   E("tfl", "Transport for London", "organization", ["Transport for London (TfL)", "TfL"]),
   P("gough", "Darren Gough", ["Gough", "Detective Inspector Darren Gough"], ["Detective Inspector"],
     ["British Transport Police"]),
   {"id": "tfl-official", "name": "An official from TfL", "kind": "unnamed",
    "aliases": ["An official from TfL", "official from TfL"], "titles": ["official"], "affiliations": ["TfL", "Transport for London"]},
   P("khan", "Sadiq Khan", ["Khan", "The mayor of London", "The mayor of London, Sadiq Khan"], ["mayor of London"], ["London"])],
  "statements": [
   ("btp", "British Transport Police (BTP)", "Emergency services received the call at about 2:20 a.m. local time (0120 UTC)", "according to", I, "assert"),
   ("btp", "BTP's", "London Ambulance Service and London Fire Brigade...when BTP arrived", "report", I, "assert"),
   ("tfl", "Transport for London (TfL)", "to take a longer way around instead of the travelator", "told", I, "appeal"),
   ("btp", "they", "not suspicious but unexplained", "treated as", I, "assert", {"optional": True}),
   ("gough", "Detective Inspector Darren Gough", "This is a truly tragic incident...with the man’s family.", "said", D, "assert"),
   ("tfl-official", "An official from TfL", "We are working with colleagues...early hours of this morning.", "stated", D, "assert"),
   ("khan", "The mayor of London, Sadiq Khan", "his condolences", "gave", I, "other", {"optional": True}),
   ("khan", "The mayor of London, Sadiq Khan", "An urgent enquiry into what happened...cannot happen again.", "adding", D, "assert"),
  ]},
 "wikinews-2019-114": {
  "entities": [
   P("rouhani", "Hassan Rouhani", ["Rouhani", "President Hassan Rouhani of Iran", "President Hassan Rouhani"],
     ["President"], ["Iran"]),
   E("ap", "the Associated Press", "organization", ["Associated Press", "AP"]),
   E("houthis", "the Houthi movement in Yemen", "organization", ["the Houthi movement", "Houthi movement", "Houthis"]),
   E("saudi-us", "Saudi Arabia and the United States", "group", ["both Saudi Arabia and the United States"]),
   E("initial-reports", "The initial reports", "unnamed", ["initial reports"]),
   E("saudi", "Saudi Arabia", "country", ["the Saudi government", "Saudi government"]),
   E("us", "the United States", "country", ["The United States", "United States"])],
  "statements": [
   ("rouhani", "President Hassan Rouhani of Iran", "if the goal is peace and security...cause an arms race", "said", M, "appeal"),
   ("rouhani", "He", "a new security initiative for the Persian Gulf...General Assembly later this week", "also announced", I, "propose"),
   ("rouhani", "he", "The presence of foreign forces can be dangerous...with regional countries,", "said", D, "warn"),
   ("rouhani", None, "Those who want to link the region’s incidents...dangerous arms to the region.", None, D, "accuse"),
   ("rouhani", "he", "Your presence has always been a calamity...more security would come for our region", "continued", D, "accuse"),
   ("ap", "the Associated Press", "Iran has increased cooperation in the last few years...Pakistan, and Russia", "According to", I, "assert"),
   ("houthis", "the Houthi movement in Yemen", "The attack", "was claimed by", I, "confirm", {"from": "The attack was claimed", "optional": True}),
   ("saudi-us", "both Saudi Arabia and the United States", "Iranian involvement", "have alleged", I, "accuse"),
   ("initial-reports", "The initial reports", "drone attacks", None, I, "assert", {"optional": True}),
   ("saudi", "the Saudi government", "the attack included cruise missles which could not have originated in Yemen", "said", I, "assert"),
   ("us", "The United States", "Iran for the attack", "blaming", I, "accuse"),
   ("us", "The United States", "to send more troops to Saudi Arabia", "committing", I, "promise", {"optional": True}),
   ("us", "the United States", "a naval coalition to patrol the Persian Gulf", "announced", I, "assert"),
  ]},
 "tehrantimes-482502": {
  "entities": [
   P("raisi", "Ebrahim Raisi", ["Raisi", "President Ebrahim Raisi", "The president"], ["President"], ["Iran"]),
   P("vahidi", "Ahmad Vahidi", ["Vahidi", "Interior Minister Ahmad Vahidi", "The interior minister", "the interior minister"],
     ["Interior Minister"], ["Interior Ministry", "Iran"]),
   E("reports", "reports", "unnamed", []),
   E("fars", "Fars", "organization", ["Fars news agency"]),
   E("sharghdaily", "sharghdaily.com", "organization", ["the sharghdaily.com"])],
  "statements": [
   ("raisi", "President Ebrahim Raisi", "to immediately launch an investigation...certain cities in Iran", "ordered", I, "appeal"),
   ("raisi", "Raisi", "to cooperate with the interior minister in the investigation", "also asked", I, "appeal"),
   ("raisi", "The president", "release of any information in this regard should only be done by the Interior Ministry", "added", I, "appeal"),
   ("reports", "reports", "smelling gas", None, I, "assert", {"optional": True}),
   ("fars", "Fars", "New cases were reported on Wednesday...high school students in Tehran", "reported", I, "assert"),
   ("sharghdaily", "the sharghdaily.com", "about 100 school girls were also hospitalized...after the smell of gas", "According to", I, "assert"),
   ("vahidi", "The interior minister", "investigations show that so far no “particular material”...blamed for the poisonings", "said", M, "assert"),
   ("vahidi", "Vahidi", "intelligence bodies are investigating the issue", "Noting", I, "assert"),
   ("vahidi", "Vahidi", "the “enemies” are seeking to “cause worry among pupils and families.”", "said", M, "accuse"),
  ]},
 "tehrantimes-482706": {
  "entities": [
   P("farhan", "Prince Faisal bin Farhan Al Saud", ["Faisal bin Farhan Al Saud", "Farhan", "Prince Farhan",
     "Saudi Arabia's Foreign Minister Prince Faisal bin Farhan Al Saud", "The Saudi foreign minister"],
     ["Foreign Minister", "Prince"], ["Saudi Arabia"]),
   E("iran", "Iran", "country", []),
   E("algeria", "Algeria", "country", []),
   E("questioner", "an unnamed questioner", "unnamed", [])],
  "statements": [
   ("farhan", "Saudi Arabia's Foreign Minister Prince Faisal bin Farhan Al Saud", "his country is “open” for talks with Iran", "has said", M, "propose"),
   ("farhan", "Farhan", "We are\u00a0open to dialogue\u00a0with Iran,", "said", D, "propose"),
   ("farhan", "Farhan", "the nuclear agreement with Iran is not ideal...concerns of neighboring countries", "also stressed", I, "appeal"),
   ("farhan", "The Saudi foreign minister", "increased engagement with Syria might pave the way for its return to the Arab League", "also said", I, "assert"),
   ("iran", "Iran", "gestures by the Arab countries to reopen ties with Syria", "has welcomed", I, "assert", {"optional": True}),
   ("farhan", "Prince Farhan", "consensus was building in the Arab world...address its humanitarian situation", "said", I, "assert"),
   ("farhan", "he", "it was \"too early to discuss\" its return just yet", "said", M, "assert"),
   ("farhan", "he", "An engagement in order to address these concerns...too early to discuss,", "told", D, "assert"),
   ("algeria", "Algeria", "to end Syria's suspension", "failed to persuade", I, "appeal", {"optional": True}),
   ("questioner", None, "whether Syria would be welcome", "Asked", I, "question", {"optional": True}),
   ("farhan", "Farhan", "I think it's too early to talk about that.", "said", D, "assert"),
   ("farhan", None, "But I can say that...move beyond that status quo.", None, D, "assert"),
  ]},
 "tehrantimes-483060": {
  "entities": [
   E("irna", "IRNA", "organization", ["Iran’s official news agency IRNA", "Iran’s official news agency"]),
   P("amir-abdollahian", "Hossein Amir Abdollahian", ["Amir Abdollahian", "Iranian Foreign Minister Hossein Amir Abdollahian",
     "the foreign minister"], ["Foreign Minister"], ["foreign ministry", "Iran"]),
   P("shamkhani", "Ali Shamkhani", ["Shamkhani", "Admiral Shamkhani", "the secretary of Iran’s Supreme National Security Council",
     "Iran’s top security official"], ["secretary of the Supreme National Security Council", "Admiral"],
     ["Supreme National Security Council", "Iran"])],
  "statements": [
   ("irna", "IRNA", "Iran’s trade with Iraq stands at $10 billion...facilitating banking cooperation", "said", M, "assert"),
   ("amir-abdollahian", "Iranian Foreign Minister Hossein Amir Abdollahian", "Shamkhani would pay a visit to Iraq", "had said", I, "assert"),
   ("amir-abdollahian", "Amir Abdollahian", "the visits by Shamkhani to the United Arab Emirates...with the foreign ministry", "implied", I, "assert"),
   ("amir-abdollahian", "the foreign minister", "The trips by Admiral Shamkhani...during the visits,", "said", D, "assert"),
   ("amir-abdollahian", "He", "There is coordination in foreign policy...there is no disagreement.", "added", D, "deny"),
   ("irna", "Iran’s official news agency IRNA", "Iran’s top security official and the UAE president reviewed...international developments", "according to", I, "assert"),
   ("shamkhani", "Shamkhani", "the two countries can take major steps...boosting neighborhood diplomacy", "said", I, "assert"),
  ]},
 "tehrantimes-483540": {
  "entities": [
   P("salami", "Hossein Salami", ["Salami", "Major General Hossein Salami", "General Salami",
     "Iran’s Islamic Revolution Guards Corps (IRGC) chief commander", "the IRGC head", "the major general"],
     ["Major General", "chief commander"], ["IRGC", "Islamic Revolution Guards Corps", "Iran"]),
   E("foes", "the foes", "group", ["foes"])],
  "statements": [
   ("salami", "Iran’s Islamic Revolution Guards Corps (IRGC) chief commander", "Tel Aviv is inflaming tensions...deep inside Israel", "asserted", I, "accuse"),
   ("salami", "he", "In an effort to avoid an Intifada...throughout the occupied areas,", "noted", D, "accuse"),
   ("salami", "he", "The Gaza Strip is under bombardment...with such strategies.", "adding", D, "accuse"),
   ("salami", "He", "for 13 weeks straight, hundreds of thousands...is attempting to implement", "added", I, "assert"),
   ("salami", "He", "the protests “unprecedented.”", "calling", M, "assert"),
   ("salami", "the IRGC head", "the U.S. is in decline", "said", I, "assert"),
   ("salami", "the major general", "Those who once wholeheartedly backed...and its rash decisions", "pointed out", I, "assert"),
   ("salami", "General Salami", "attempts to overthrow the Islamic government...but failed utterly", "saying", I, "accuse"),
   ("salami", None, "The U.S., Britain, France, Germany...1979 Islamic Revolution.", None, D, "accuse"),
   ("salami", "General Salami", "the foes did not even hem and haw...overthrow of Iran’s Islamic Republic.", "also underlined", D, "accuse"),
   ("foes", "the foes", "they backed the overthrow of Iran’s Islamic Republic", "officially declare", I, "assert", {"nested": True, "inside": True}),
   ("salami", "Salami", "The maximum pressure campaign heightened...Ayatollah Khamenei and the IRGC,", "added", D, "accuse"),
  ]},
}
