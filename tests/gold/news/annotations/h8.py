"""Hand annotation of speakers in four Wikinews (CC BY 2.5) and four Tehran Times (CC BY 4.0, Mehr News
Agency) articles of the issue 13 gold (tests/gold/README.md), written from the text.

Read by build.py. Statements are listed in the order of their content in the text.
"""


from goldbuild import D, E, I, P  # noqa: E741 - the shared helpers and statement-type letters

OPT = {"optional": True}

ARTICLES = {
 "wikinews-2020-075": {
  "entities": [
   E("kamloops-police", "Kamloops Police", "organization"),
   E("rcmp", "the Royal Canadian Mounted Police", "organization",
     ["Royal Canadian Mounted Police", "RCMP", "the Royal Canadian Mounted Police (RCMP)"]),
   P("gray", "Gary Gray", ["Gray", "Kamloops RCMP Constable Gary Gray", "Constable Gary Gray"], ["Constable"],
     ["Kamloops RCMP", "RCMP"]),
   E("infobase", "the Canadian Public Health Infobase", "organization", ["Canadian Public Health Infobase"]),
   P("dube", "Daniel Dubé", ["Dubé", "provincial police Detective Constable Daniel Dubé",
     "Detective Constable Daniel Dubé"], ["Detective Constable"], ["provincial police", "Ontario"]),
   P("hughes", "Bob Hughes", ["Hughes", "The Executive director of the Ask Wellness Society"], ["Executive director"],
     ["Ask Wellness Society"]),
   E("bc-coroners", "the B.C. Coroners Service", "organization", ["B.C. Coroners Service"]),
   P("jyrkkanen", "Michaela Jyrkkanen", ["Jyrkkanen", "Clinic and advocacy manager Michaela Jyrkkanen"],
     ["Clinic and advocacy manager"], ["The Mustard Seed Kamloops"]),
   P("klaire", "Sukhpreet Klaire", ["Dr Sukhpreet Klaire", "Klaire", "the lead author of the study",
     "an addiction medicine specialist"], ["Dr", "lead author of the study", "addiction medicine specialist"], []),
   E("participants", "the participants in her study", "group", ["participants"])],
  "statements": [
   ("kamloops-police", "Kamloops Police", "A mother called the police in Kamloops...a dangerous opioid drug", "according to", I, "assert"),
   ("rcmp", "the Royal Canadian Mounted Police (RCMP)", "they seized the substance", "confirmed", I, "confirm"),
   ("rcmp", "the Royal Canadian Mounted Police (RCMP)", "In B.C., this has been...in public settings.", "stating", D, "appeal"),
   ("gray", "Kamloops RCMP Constable Gary Gray", "fentanyl had become a popular drug...signature by traffickers", "said", I, "assert"),
   ("infobase", "the Canadian Public Health Infobase", "Before the COVID-19 pandemic...and December 2019", "according to", I, "assert", OPT),
   ("dube", "provincial police Detective Constable Daniel Dubé", "the border closure between New York State...their products further", "stated", I, "assert"),
   ("dube", "He", "heroin, which had normally...depressant class", "explained", I, "assert"),
   ("hughes", "Bob Hughes", "CERB (Canada Emergency Response Benefit) payments...overdose deaths this year", "told", I, "assert"),
   ("bc-coroners", "the B.C. Coroners Service", "there were 170 suspected deaths...abuse of illicit drugs", "According to", I, "assert"),
   ("jyrkkanen", "Clinic and advocacy manager Michaela Jyrkkanen", "the correlation between the overdoses and the CERB payments", "disagreed with", I, "deny", OPT),
   ("klaire", "Dr Sukhpreet Klaire", "the cost of the accurate test strip kit was 75 cents", "said", I, "assert"),
   ("participants", "More than 95% of the participants in her study", "they would use the strip kits again", "indicated", I, "assert", OPT),
  ]},
 "wikinews-2020-085": {
  "entities": [
   P("myers", "Matt Myers", ["Myers", "Wynnum coach Matt Myers"], ["coach"], ["Wynnum"]),
   P("kidston", "Jarrod Kidston", ["Kidston", "Caloundra half back Jarrod Kidston"], ["half back"], ["Caloundra"])],
  "statements": [
   ("myers", "Wynnum coach Matt Myers", "It's a better performance than what we put on last week", "said", D, "assert"),
   ("myers", None, "We're a forty or fifty minute team...a bit deeper.", None, D, "assert"),
   ("myers", "Myers", "We were able to turn the momentum around after their first two", "said", D, "assert"),
   ("myers", None, "They had it all over us...turned the momentum around.", None, D, "assert"),
   ("kidston", "Kidston", "Yeah it was a good start from us...in a while", "said", D, "assert"),
   ("kidston", None, "Then we just made a couple of mistakes...points on pretty quick.", None, D, "assert"),
   ("myers", "Myers", "We got back on even...for a couple", "said", D, "assert"),
   ("myers", None, "[We] let them [have the] momentum...they got a roll on", None, D, "assert"),
   ("kidston", "Kidston", "Fitness was a big factor in that", "according to", I, "assert"),
   ("kidston", "he", "We've been working hard on our fitness...at the back end", "said", D, "assert"),
  ]},
 "wikinews-2020-087": {
  "entities": [
   P("tronc", "Brad Tronc", ["Tronc", "University coach Brad Tronc"], ["coach"], ["University"]),
   P("radmall", "Ben Radmall", ["Radmall", "Maroochydore assistant coach Ben Radmall"], ["assistant coach"],
     ["Maroochydore"])],
  "statements": [
   ("tronc", "University coach Brad Tronc", "We turned up here knowing we'd be in for a battle", "said", D, "assert"),
   ("tronc", None, "They pushed [reigning premiers] Caloundra...better and better, as well.", None, D, "assert"),
   ("radmall", "Maroochydore assistant coach Ben Radmall", "The game was a hard, physical match", "according to", I, "assert"),
   ("radmall", "Radmall", "It was pretty set piece dominated there for the last twenty minutes", "said", D, "assert", {"after": 0}),
   ("radmall", None, "[It was] a pretty physical game...sore after that one.", None, D, "assert"),
   ("tronc", "Tronc", "The two guys that set [Uni's final try] up...five eighth,", "said", D, "assert"),
   ("radmall", "Radmall", "his side needed to work on some things", "conceded", I, "assert"),
   ("radmall", "he", "We had our opportunities in the 22 in that last twenty minutes", "said", D, "assert"),
   ("radmall", None, "Just some management...a try at the end there.", None, D, "assert"),
  ]},
 "wikinews-2020-088": {
  "entities": [
   E("boseman-account", "his official Twitter account", "unnamed",
     ["a statement posted to his official Twitter account", "a statement"]),
   P("coogler", "Ryan Coogler", ["Coogler", "the director of Black Panther"], ["director of Black Panther"]),
   P("washington", "Denzel Washington", ["Washington", "Actor Denzel Washington"], ["Actor"]),
   P("frederick", "Wayne A. I. Frederick", ["Frederick", "president of Howard University"], ["president"],
     ["Howard University"]),
   P("downey", "Robert Downey Jr.", ["Downey"], ["actor"])],
  "statements": [
   ("boseman-account", "a statement posted to his official Twitter account", "Boseman died at home on August 28 in the company of his wife and family", "according to", I, "assert"),
   ("boseman-account", "It", "he was in stage IV of his cancer which had been diagnosed in 2016", "also stated", I, "assert"),
   ("coogler", "Ryan Coogler", "I noticed then that Chad was an anomaly", "wrote", D, "assert"),
   ("coogler", None, "He was calm. Assured...something for the first time.", None, D, "assert"),
   ("washington", "Actor Denzel Washington", "He was a gentle soul...God bless Chadwick Boseman.", "stated", D, "assert"),
   ("frederick", "Wayne A. I. Frederick", "It is with profound sadness...Rest in Power, Chadwick!", "wrote", D, "assert"),
   ("downey", "Downey", "He was having this immense success...leveled the playing field.", "said", D, "assert"),
  ]},
 "tehrantimes-485790": {
  "entities": [
   E("irgc-ground-force", "Islamic Revolution Guards Corps (IRGC) Ground Force", "organization",
     ["The Islamic Revolution Guards Corps (IRGC) Ground Force", "IRGC Ground Force"]),
   P("usanlu", "Mohammad Taqi Usanlu", ["Usanlu", "General Usanlu", "General Mohammad Taqi Usanlu",
     "a local IRGC commander"], ["General", "local IRGC commander"], ["IRGC", "Iran"]),
   P("pakpour", "Mohammad Pakpour", ["Pakpour", "Brigadier General Mohammad Pakpour", "a senior commander of the IRGC",
     "commander of the IRGC Ground Force", "the general"], ["Brigadier General", "commander of the IRGC Ground Force"],
     ["IRGC Ground Force", "IRGC", "Iran"]),
   E("iraq", "Iraq", "country", ["the Iraqi government", "the Iraqi central government"]),
   E("tasnim", "Tasnim", "organization"),
   E("irgc", "Islamic Revolution Guards Corps", "organization", ["The IRGC", "IRGC"])],
  "statements": [
   ("irgc-ground-force", "The Islamic Revolution Guards Corps (IRGC) Ground Force", "it has launched a military operation...counter-revolutionary groups", "announced", I, "assert"),
   ("usanlu", "General Mohammad Taqi Usanlu", "the Kusalan mountains in Sarvabad County...counter-revolutionary groups", "said", I, "assert"),
   ("usanlu", "he", "Unfortunately, people belonging...comfort of the people,", "said", D, "accuse"),
   ("usanlu", "He", "The people belonging to the anti-revolutionary groups...abandon their cattle breeding.", "added", D, "accuse"),
   ("usanlu", "General Usanlu", "the groups in questions harmed the livestock of the people", "said", I, "accuse"),
   ("usanlu", "he", "One of the main reasons...are being cleared,", "added", D, "assert"),
   ("usanlu", "General Usanlu", "The cleansing of these headquarters...help us in this matter.", "warned", D, "warn"),
   ("usanlu", "He", "The presence of these terrorists...live a peaceful life.", "said", D, "appeal"),
   ("usanlu", "General Usanlu", "Establishing security will bring peace...present in the region.", "stated", D, "assert"),
   ("pakpour", "a senior commander of the IRGC", "Iraq had made a commitment...semi-autonomous Kurdistan region", "said", I, "assert"),
   ("iraq", "Iraq", "to disarm and drive out anti-Iranian militants...semi-autonomous Kurdistan region", "had made a commitment", I, "promise",
    {"nested": True, "inside": True, "optional": True}),
   ("pakpour", "Brigadier General Mohammad Pakpour", "We are waiting for the Iraqi government...strikes would continue,", "stated", D, "warn"),
   ("tasnim", "Tasnim", "if there is a limit in months or days", "asked", I, "question"),
   ("pakpour", "the general", "the Iraqi government itself is aware of the time limit", "responded", I, "assert"),
   ("irgc", "The IRGC", "the Kurdistan autonomous region and the Iraqi central government...safeguard the border", "has demanded", I, "appeal"),
  ]},
 "tehrantimes-485916": {
  "entities": [
   P("boro", "Issa Boro", ["Boro", "A senior Burkinabe official", "the Burkinabe official",
     "the secretary general of the foreign ministry of Burkina Faso"], ["secretary general of the foreign ministry"],
     ["foreign ministry of Burkina Faso", "Burkina Faso"]),
   P("bagheri-kani", "Ali Bagheri Kani", ["Bagheri Kani", "the deputy foreign minister of Iran for political affairs"],
     ["deputy foreign minister for political affairs"], ["Iran"]),
   P("kargougou", "Robert Lucien Jean-Claude Kargougou", ["Kargougou", "the Health Minister of Burkina Faso",
     "the health minister of Burkina Faso"], ["Health Minister"], ["Burkina Faso"])],
  "statements": [
   ("boro", "A senior Burkinabe official", "the West African country will open an embassy in Tehran", "has said", I, "promise"),
   ("boro", "the Burkinabe official", "Iran as a country with great and historical civilization and culture", "described", I, "assert"),
   ("boro", "the Burkinabe official", "his government has the political will...with the Islamic Republic", "emphasized", I, "assert"),
   ("bagheri-kani", "Bagheri Kani", "Iran has a plan to develop relations with Burkina Faso", "stated", I, "assert", {"before": 0}),
   ("bagheri-kani", "Bagheri Kani", "the plan by the West African country to open embassy in Tehran", "also welcomed", I, "assert"),
   ("bagheri-kani", "Bagheri Kani", "the joint commission for comprehensive cooperation...issues of mutual interest", "considered", I, "assert", OPT),
   ("kargougou", "Robert Lucien Jean-Claude Kargougou", "cooperation with Iran in the field of health", "called for", I, "appeal"),
   ("kargougou", "He", "his country was seeking to import Iranian medical equipment", "said", I, "assert"),
   ("kargougou", "Kargougou", "We are ready for any kind of cooperation...medical equipment, and vaccines,", "said", D, "propose"),
   ("kargougou", None, "We visited the capacities of Iran’s health sector...inside the country.", None, D, "assert"),
   ("kargougou", "he", "Iran excels in the field of health...development of cooperation with Iran,", "highlighted", D, "assert"),
   ("kargougou", None, "The coronavirus disease has been controlled...to contain the disease.", None, D, "assert"),
  ]},
 "tehrantimes-485953": {
  "entities": [
   E("pakistan-fm", "Pakistan’s Foreign Ministry", "organization", ["the website of Pakistan’s Foreign Ministry"]),
   E("two-sides", "The two sides", "group", ["both sides", "the two sides", "Pakistan and Iran"]),
   P("majeed-khan", "Asad Majeed Khan", ["Majeed Khan", "Pakistani Foreign Secretary Asad Majeed Khan",
     "The Pakistan’s foreign secretary"], ["Foreign Secretary"], ["Pakistan"]),
   P("amir-abdollahian", "Hossein Amir Abdollahian", ["Amir Abdollahian",
     "Iranian Foreign Minister Hossein Amir Abdollahian", "The Iranian foreign minister"], ["Foreign Minister"], ["Iran"])],
  "statements": [
   ("pakistan-fm", "the website of Pakistan’s Foreign Ministry", "the 12th round of Pakistan-Iran...on June 17-18", "According to", I, "assert"),
   ("pakistan-fm", "It", "Majeed Khan and Bagheri Kani led the respective sides", "added", I, "assert"),
   ("two-sides", "Both sides", "the significance of regular convening...areas of mutual interest", "underscored", I, "assert"),
   ("two-sides", "The two sides", "their commitment to continue cooperation...issues of common concern", "reaffirmed", I, "promise"),
   ("majeed-khan", "The Pakistan’s foreign secretary", "the normalization of diplomatic relations between Iran and Saudi Arabia", "also welcomed", I, "assert"),
   ("majeed-khan", "he", "Pakistan’s role toward promotion of peace and development in the region", "highlighted", I, "assert"),
   ("amir-abdollahian", "Iranian Foreign Minister Hossein Amir Abdollahian", "Iran has no restrictions on expanding ties with Pakistan", "said", I, "assert"),
   ("amir-abdollahian", "Amir Abdollahian", "The current state of bilateral ties...toward future growth", "said", I, "assert", {"within": True}),
   ("amir-abdollahian", "He", "Pakistan and Iran’s ongoing bilateral and international cooperation", "also praised", I, "assert"),
   ("amir-abdollahian", "The Iranian foreign minister", "there were many points of agreement between them", "noting", I, "assert"),
   ("amir-abdollahian", "The Iranian foreign minister", "both nations to use all their resources to develop their ties", "urged", I, "appeal"),
   ("amir-abdollahian", "Amir Abdollahian", "a recent meeting between Pakistan’s Prime Minister...two significant border projects", "cited", I, "assert", OPT),
   ("amir-abdollahian", "Amir Abdollahian", "Pakistan served as a crucial link...relations with its neighbors", "maintained", I, "assert"),
  ]},
 "tehrantimes-486137": {
  "entities": [
   P("amir-abdollahian", "Hossein Amir Abdollahian", ["Amir Abdollahian", "Iran’s foreign minister", "Iran’s top diplomat",
     "The Iranian foreign minister"], ["Foreign Minister"], ["Iran", "Foreign Ministry"])],
  "statements": [
   ("amir-abdollahian", "Iran’s foreign minister", "the formation of a cooperative framework...among Persian Gulf countries", "has advocated for", I, "appeal"),
   ("amir-abdollahian", "Hossein Amir Abdollahian", "the need for the creation of a shared platform...among the Persian Gulf nations", "stressed", I, "appeal"),
   ("amir-abdollahian", "he", "All of our nations have a right...efforts in this direction,", "added", D, "promise"),
   ("amir-abdollahian", "Iran’s top diplomat", "Given the importance of neighbors...in the south of the Persian Gulf,", "underlined", D, "assert"),
   ("amir-abdollahian", "Amir Abdollahian", "Negotiations with the senior authorities...north and south of the Persian Gulf.", "also noted", D, "assert"),
   ("amir-abdollahian", "he", "The negotiations also signaled...friendship, and compassion,", "added", D, "assert"),
   ("amir-abdollahian", "he", "the Islamic Republic of Iran believes that setting up...more than ever before.", "stressed", D, "propose"),
   ("amir-abdollahian", "he", "the UN secretary general’s initiative...from the region in New York", "applauding", I, "assert", OPT),
   ("amir-abdollahian", "he", "To this end, we will put forth...in the near future.", "continued", D, "propose"),
   ("amir-abdollahian", "The Iranian foreign minister", "A better, safer, and more affluent future is the shared right...for this cause.", "added", D, "promise", {"before": 0}),
   ("amir-abdollahian", "The Iranian foreign minister", "The realization of growth and development...friendship and cooperation.", "stating", D, "assert"),
  ]},
}
