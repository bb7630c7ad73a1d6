"""Hand annotation of speakers in eight articles of the issue-13 news gold (annotator h2): four Wikinews
(CC BY 2.5) and four Tehran Times (CC BY 4.0, Mehr News Agency) articles.

Read by ../build.py. Written from the text only (../../README.md). Statements are listed in the order of
their content in the text.
"""


from goldbuild import D, E, I, M, P  # noqa: E741 - the shared helpers and statement-type letters

KHAMENEI = P("khamenei", "Ayatollah Seyed Ali Khamenei",
             ["Ayatollah Khamenei", "Khamenei", "Seyed Ali Khamenei", "the Leader of the Islamic Revolution",
              "Leader of the Islamic Revolution Ayatollah Seyed Ali Khamenei", "the Leader"],
             ["Leader of the Islamic Revolution", "Ayatollah"], ["Iran"])

ARTICLES = {
 "wikinews-2019-030": {
  "entities": [
   P("abdullah-kurdi", "Abdullah Kurdi", ["his father", "his surviving father", "his father, Abdullah Kurdi"]),
   P("weibl", "Carlotta Weibl", ["Weibl", "Sea-Eye spokesperson Carlotta Weibl"], ["spokesperson"], ["Sea-Eye"]),
   E("sea-eye", "Sea-Eye", "organization", ["German migrant marine rescue charity Sea-Eye"]),
   E("international-public", "international public", "group")],
  "statements": [
   ("abdullah-kurdi", "his surviving father", "paid people smugglers...in a small inflatable boat", "says", I, "assert"),
   ("abdullah-kurdi", "his father, Abdullah Kurdi", "This day is very hard for me, as I re-experience many memories,", "said", D, "assert"),
   ("abdullah-kurdi", None, "It's people with good heart in this organization...peace.", None, D, "assert"),
   ("weibl", "Sea-Eye spokesperson Carlotta Weibl", "The name 'Alan Kurdi' shall be...their loved ones have to feel.", "said", D, "assert"),
   ("sea-eye", "Sea-Eye", "around 14,000 lives saved during 60 rescues since commencing work in 2016", "credit themselves with", I, "assert", {"optional": True}),
   ("international-public", "international public", "more effort to assist migrants from Syria", "calls for", I, "appeal", {"optional": True}),
  ]},
 "wikinews-2019-038": {
  "entities": [
   P("durham-hall", "Durham Hall", ["Judge Durham Hall QC", "Judge Durham Hall", "Durham Hall QC"], ["Judge", "QC"]),
   P("melly", "Kama Melly", ["Prosecutor Kama Melly QC", "Kama Melly QC", "Melly"], ["Prosecutor", "QC"]),
   E("victim-named", "One of the victims", "unnamed", ["the victim who decided to allow her name to be made public"]),
   E("victim-other", "One of the victims", "unnamed"),
   E("bradford-council", "Bradford Council", "organization")],
  "statements": [
   ("durham-hall", "Judge Durham Hall QC", "they \"appear not to have shown...decent behaviour.\"", "said", M, "accuse"),
   ("melly", "Prosecutor Kama Melly QC", "the victims were \"ripe and vulnerable...sexual desires\"", "said", M, "accuse"),
   ("victim-named", "She", "she did this to show victims \"there is nothing to be ashamed of\"", "said", M, "assert"),
   ("victim-other", "One of the victims", "the men thought they were \"nothing but a toy to play with\"", "said", M, "accuse"),
   ("bradford-council", "Bradford Council", "The Safeguarding Board will look closely...keep young people safer", "stated", D, "promise"),
  ]},
 "wikinews-2019-041": {
  "entities": [
   P("kellar", "Paul Kellar", ["Judge Paul Kellar", "Kellar"], ["Judge"], ["Christchurch District Court"]),
   E("police", "police", "organization", ["Police"]),
   E("reported", "unnamed reports", "unnamed"),
   E("abc", "ABC", "organization"),
   P("ardern", "Jacinda Ardern", ["Ardern", "New Zealand Prime Minister Jacinda Ardern", "Prime Minister Ardern"],
     ["Prime Minister"], ["New Zealand"]),
   P("barton", "Greg Barton", ["Professor Greg Barton", "Barton"],
     ["Professor", "Chair In Global Islamic Politics"], ["Faculty of Arts and Education", "Deakin University"]),
   E("reports", "reports", "unnamed")],
  "statements": [
   ("kellar", "Judge Paul Kellar", "the accused remain in custody until his next court appearance on April 5", "ordered", I, "appeal", {"optional": True}),
   ("police", "Police", "the accused performed two attacks", "alleged", I, "accuse"),
   ("reported", None, "The first attack reportedly was...at least 42 people dead", "reportedly", I, "assert", {"optional": True}),
   ("reported", None, "The second attack reportedly was...on the same day", "reportedly", I, "assert", {"optional": True}),
   ("police", "police", "Further charges may be laid in the future", "said", I, "assert"),
   ("police", "police", "Police arrested the accused...shooting in Al Noor Mosque", "according to", I, "assert", {"after": 0}),
   ("abc", "ABC", "Brenton Tarrant had a valid gun licence allowing him to buy weapons", "reported", I, "assert"),
   ("ardern", "New Zealand Prime Minister Jacinda Ardern", "Brenton had a licence for the five firearms...one lever-action", "According to", I, "assert"),
   ("barton", "Professor Greg Barton", "The attacker was using a couple of guns...It's an assault rifle", "said", D, "assert"),
   ("ardern", "Prime Minister Ardern", "the gun laws should be changed", "said", I, "appeal"),
   ("ardern", "She", "I have instructed ODESC...of our watchlist processes.", "said", D, "assert"),
   ("reports", "reports", "Social media have been struggling...videos of the murder", "according to", I, "assert", {"optional": True}),
  ]},
 "wikinews-2019-056": {
  "entities": [
   P("kaczynski", "Jarosław Kaczyński", ["Kaczyński", "Polish leader Jarosław Kaczyński"], ["leader"],
     ["Law and Justice Party", "Prawo i Sprawiedliwość", "Poland"]),
   E("complainants", "unnamed complainants", "unnamed"),
   P("polak", "Wojciech Polak", ["Polak", "the topmost senior Polish archbishop Wojciech Polak", "archbishop Wojciech Polak"],
     ["archbishop"], ["Roman Catholic Church", "Poland"]),
   P("franowska", "Anna Franowska", ["Franowska"], [], ["Have no fear"])],
  "statements": [
   ("kaczynski", "Polish leader Jarosław Kaczyński", "intent to impose stricter punishment for child sexual abuse", "publicly declared", I, "promise"),
   ("kaczynski", "Kaczyński", "the party was ready with amendments...for child sexual abuse", "said", I, "propose"),
   ("kaczynski", "Kaczyński", "We prepared changes to the penal code...maybe even up to 30 years in prison", "said", D, "promise"),
   ("complainants", None, "Catholic churches not handling...in Poland and around the world", "complaints about", I, "accuse", {"optional": True}),
   ("polak", "the topmost senior Polish archbishop Wojciech Polak", "I am deeply disturbed by what I saw...by people of the church.", "said", D, "assert"),
   ("franowska", "Anna Franowska", "just another apology", "Calling it as", D, "assert"),
   ("franowska", "Anna Franowska", "it almost appears as if the statement was prepared before the church officials saw the movie", "told", D, "accuse"),
  ]},
 "tehrantimes-481233": {
  "entities": [
   P("amir-abdollahian", "Hossein Amir Abdollahian",
     ["Amir Abdollahian", "the Foreign Minister of Iran", "the senior diplomat"], ["Foreign Minister"], ["Iran"])],
  "statements": [
   ("amir-abdollahian", "Hossein Amir Abdollahian", "European politicians should steer clear of making emotional and illogical remarks", "said", I, "appeal"),
   ("amir-abdollahian", "Hossein Amir Abdollahian", "European Union foreign policy chief Josep Borrell’s recent remarks as evidence...costly actions", "citing", I, "assert"),
   ("amir-abdollahian", "the senior diplomat", "in addition to returning to “respectful talks”...stability and serenity", "said", M, "appeal"),
   ("amir-abdollahian", "He", "European leaders to avoid making emotive declarations", "urged", I, "appeal"),
   ("amir-abdollahian", "He", "some European countries' foreign policy would be guided by reason", "expressed optimism", I, "assert", {"before": 0}),
   ("amir-abdollahian", "Amir Abdollahian", "the EU foreign policy chief's remarks on the IRGC demonstrate...drastic steps", "to emphasize", I, "assert"),
   ("amir-abdollahian", "He", "the Islamic Republic of Iran views dialogue...incitement of riots in Iran", "reaffirmed", I, "assert"),
   ("amir-abdollahian", "Amir Abdollahian", "the Islamic Republic does not need to hold direct negotiations with the United States", "stressed", I, "assert"),
   ("amir-abdollahian", "The senior diplomat", "Iran will not hesitate for a moment...territorial integrity, and sovereignty", "added", I, "warn"),
  ]},
 "tehrantimes-481364": {
  "entities": [
   KHAMENEI,
   E("khamenei-ir", "khamenei.ir", "organization"),
   E("some-people", "Some people", "group")],
  "statements": [
   ("khamenei-ir", "khamenei.ir", "This exhibition was held in accordance...Job-Creating,”", "according to", M, "assert"),
   ("khamenei", "the Leader", "Production: Knowledge-Based and Job-Creating,", "had previously announced", D, "assert", {"nested": True, "inside": True}),
   ("khamenei", "Ayatollah Khamenei", "the need to pay attention of domestic capabilities of the country", "has long reiterated", I, "appeal"),
   ("khamenei", "the Leader", "the Raisi administration of paying heed to domestic capabilities", "lauded", I, "assert"),
   ("khamenei", "he", "Another great achievement this Administration...what they’re going to do,", "said", D, "assert"),
   ("khamenei", "he", "Importance has been given to domestic capacities...in your Administration.", "adding", D, "assert", {"before": 0}),
   ("some-people", "Some people", "we should definitely have relations...to solve our problems", "say", I, "appeal", {"nested": True, "inside": True, "optional": True}),
   ("khamenei", "the Leader", "the need for prioritizing economics", "underlined", I, "appeal"),
   ("khamenei", "he", "In my opinion, economics is currently our first priority...For some time,", "said", D, "assert"),
   ("khamenei", "The Leader", "Economics should be attended to very seriously...to attend to as well.", "added", D, "appeal"),
  ]},
 "tehrantimes-481588": {
  "entities": [KHAMENEI],
  "statements": [
   ("khamenei", "Ayatollah Khamenei", "the young girls on their Taklif Celebration", "congratulated", I, "other", {"optional": True}),
   ("khamenei", "he", "My dear children!...You are not a small child,", "said", D, "assert", {"via": "khamenei.ir"}),
   ("khamenei", "The Leader", "You are now young girls with responsibilities...in terms of the religious obligations.", "added", D, "assert"),
   ("khamenei", "He", "The advice I wish to give you young people...Become friends with God from today.", "noted", D, "appeal"),
  ]},
 "tehrantimes-481686": {
  "entities": [
   P("taliaferro", "Charles Taliaferro",
     ["Taliaferro", "American philosopher professor Charles Taliaferro",
      "distinguished American philosopher professor Charles Taliaferro", "American philosopher Prof. Charles Taliaferro",
      "Prof. Charles Taliaferro", "professor Charles Taliaferro"], ["philosopher", "professor"], ["United States"]),
   E("european-governments", "Some European governments like the French government", "group",
     ["Some European governments", "European governments", "the French government"]),
   E("interviewer", "the interviewer", "unnamed"),
   E("un", "the United Nations", "organization", ["United Nations", "UN"])],
  "statements": [
   ("taliaferro", "American philosopher professor Charles Taliaferro", "Islam and other world religions offer support for human rights and respect for human dignity", "says", I, "assert"),
   ("european-governments", "Some European governments like the French government", "such insulting actions by citing them as examples of freedom of speech", "usually justify", I, "assert", {"optional": True}),
   ("taliaferro", "American philosopher Prof. Charles Taliaferro", "I suggest that anti-Islamic acts...strategic in nature.", "told", D, "assert"),
   ("interviewer", None, "whether democracy legitimizes the desecration of the Quran and other insulting actions", "a question about", I, "question", {"optional": True}),
   ("taliaferro", "Taliaferro", "Democracy -a Greek term...religious communities, whether or not they are in the majority", "said", D, "assert"),
   ("un", "the United Nations", "A different understanding of democracy", "has been advocated by", I, "assert", {"nested": True, "inside": True, "optional": True}),
   ("taliaferro", "Taliaferro", "I believe that in pluralistic nation-states...poorer in its absence.", "adding", D, "assert", {"before": 0}),
   ("taliaferro", "he", "My point is that what might appear...the NATO alliance.", "said", D, "assert"),
  ]},
}
