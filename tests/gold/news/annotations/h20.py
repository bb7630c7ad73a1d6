"""Hand annotation of speakers in four articles of the issue-13 news gold (two Wikinews, CC BY 2.5; two
Tehran Times, CC BY 4.0, Mehr News Agency), written from the text (tests/gold/README.md).

Read by build.py. Statements are listed in the order of their content in the text.
"""


from goldbuild import D, E, I, M, P  # noqa: E741,F401 - the shared helpers and statement-type letters

ARTICLES = {
 "wikinews-2019-095": {
  "entities": [
   E("nhc", "National Hurricane Center", "organization",
     ["the National Hurricane Center", "The National Hurricane Center"]),
   E("cnn", "CNN", "organization", []),
   E("bbc", "BBC", "organization", ["the BBC"]),
   P("minnis", "Hubert Minnis", ["Minnis", "Prime minister Hubert Minnis"], ["Prime minister"], ["Bahamas"]),
   E("redcross-officials", "the Red Cross and government officials", "group", ["Red Cross", "government officials"]),
   E("un", "United Nations", "organization", ["The United Nations", "the United Nations"])],
  "statements": [
   ("nhc", "the National Hurricane Center",
    "Its wind speeds reached 185 mph (~295 km/h), tied for the strongest sustained winds at landfalling on record",
    "according to", I, "assert"),
   ("cnn", "CNN", "In a thirty hour period of Monday and Tuesday, Dorian only traversed thirty miles", "according to", I,
    "assert"),
   ("nhc", "The National Hurricane Center",
    "all tropical storm warnings were lifted...had also been downgraded to a Category 2 storm", "said", I, "assert"),
   ("bbc", "the BBC", "residents were doing most rescue work themselves using boats and personal watercraft",
    "According to", I, "assert"),
   ("minnis", "Prime minister Hubert Minnis", "twenty people have been confirmed killed", "said", I, "assert"),
   ("minnis", "he", "We expect that this number will increase", "noted", D, "assert"),
   ("minnis", "Minnis", "Parts of Abaco are decimated...damage to homes, businesses and infrastructure", "said", D,
    "assert"),
   ("minnis", None, "The southern aspect of Abaco...the area around the airport now looks like a lake.", None, D, "assert"),
   ("redcross-officials", "the Red Cross and government officials", "45% to 60% destruction", "estimates", I, "assert",
    {"optional": True}),
   ("un", "The United Nations", "some 60 thousand people are in need of food and drinking water", "said", I, "assert"),
  ]},
 "wikinews-2019-121": {
  "entities": [
   P("waseem", "Mohammed Waseem", ["Waseem", "her son",
     "Mohammed Waseem, brother of social media personality and feminist Qandeel Baloch"], [], ["Pakistan"]),
   E("widely-called", "unnamed sources (widely called)", "unnamed", []),
   P("anwar", "Anwar", ["Baloch and Waseem's mother, Anwar", "Baloch and Waseem's mother"], [], []),
   E("parents", "the parents", "group", ["the parents of Baloch and Waseem"]),
   E("critics", "unnamed critics of Qawi", "unnamed", []),
   E("accusers", "unnamed accusers of Qawi", "unnamed", []),
   P("qawi", "Mufti Abdul Qawi", ["Qawi", "Muslim cleric Mufti Abdul Qawi"], ["Muslim cleric", "Mufti"], []),
   P("baloch", "Qandeel Baloch", ["Baloch", "Fouzia Azeem", "social media personality and feminist Qandeel Baloch",
     "Kim Kardashian of Pakistan", "her sister"], ["social media personality", "feminist"], ["Pakistan"])],
  "statements": [
   ("waseem", "Waseem", "killing his sister by strangling her in 2016", "confessed to", I, "confirm"),
   ("widely-called", None, "an honor killing", "has widely been called", I, "assert", {"optional": True}),
   ("anwar", "Baloch and Waseem's mother, Anwar", "she believed he was innocent", "said", I, "deny"),
   ("parents", "the parents", "they forgave him for the killing", "saying", I, "assert"),
   ("waseem", "Waseem", "acting alone", "confessed to", I, "confirm"),
   ("critics", None, "associating with her", "drew criticism for", I, "accuse", {"optional": True}),
   ("accusers", None, "inciting the murder in some way", "was later accused of", I, "accuse", {"optional": True}),
   ("qawi", "he", "which", "denied", I, "deny"),
   ("waseem", "He", "his initial confession was forced", "has since said", I, "assert"),
   ("baloch", "Baloch", "As women we must stand up for ourselves. As women we must stand up for each other[,]", "wrote", D,
    "appeal"),
   ("baloch", None, "I believe I am a modern day feminist.", None, D, "assert"),
   ("baloch", "Qandeel Baloch", "to disrobe if Pakistan defeated India in a then-upcoming cricket match", "offering", I,
    "propose", {"optional": True}),
   ("baloch", "she", "as a teenager she was forced into an abusive marriage by her family", "said", I, "accuse"),
   ("baloch", "She", "her much-older husband attempted to disfigure her with acid", "also said", I, "accuse"),
  ]},
 "tehrantimes-484966": {
  "entities": [
   P("safieddine", "Sayyed Hashem Safieddine", ["Safieddine", "Sayyed Safieddine",
     "Head of Hezbollah Executive Council Sayyed Hashem Safieddine", "His eminence"],
     ["Head of Hezbollah Executive Council"], ["Hezbollah"]),
   E("journalists", "Journalists on the ground", "group", ["journalists"]),
   E("journalist", "a journalist", "unnamed", [])],
  "statements": [
   ("safieddine", "Head of Hezbollah Executive Council Sayyed Hashem Safieddine",
    "the resistance prowess and readiness to any Israeli stupidity", "asserting", I, "assert"),
   ("safieddine", "Safieddine",
    "Martyr Leader Imad Moughnieh had never been a terrorist, he’s a resistance leader and will remain so,", "said", D,
    "deny"),
   ("safieddine", "His eminence", "Hezbollah is on alert and fully ready to engage in any future battle", "indicated", I,
    "warn"),
   ("safieddine", "Sayyed Safieddine",
    "If the Israeli enemy tries to attack us...that they could never retaliate,", "said", D, "warn"),
   ("journalists", "Journalists on the ground", "the military parade as an unparalleled spectacle", "describing", I,
    "assert"),
   ("journalist", "a journalist", "It’s an unprecedented, enthralling military parade I have ever seen in my life,", "said",
    D, "assert"),
  ]},
 "tehrantimes-485053": {
  "entities": [
   E("rumored", "unnamed sources (long rumored)", "unnamed", []),
   E("us", "United States", "country", ["the U.S.", "U.S.", "the US", "US", "Washington"]),
   E("ap", "Associated Press", "organization", ["the Associated Press", "AP", "the American news agency",
     "The news agency"]),
   E("researcher", "a researcher who analyzed the alleged construction at Natanz", "unnamed", ["a researcher"]),
   E("us-military", "the American military", "organization", []),
   E("reportedly", "unnamed reports (reportedly)", "unnamed", []),
   E("iran", "Iran", "country", ["Tehran"])],
  "statements": [
   ("rumored", None, "to be built exclusively to destroy Iran’s underground nuclear facilities", "has been long rumored", I,
    "assert", {"optional": True}),
   ("us", "the U.S.", "concerns over Iran’s nuclear program", "highlighted", I, "assert", {"optional": True}),
   ("ap", "the American news agency",
    "Iran is building an underground nuclear facility...such as the one discussed above", "alleged", I, "accuse"),
   ("researcher", "a researcher",
    "So the depth of the facility is a concern...such as like a typical bunker buster bomb,", "as saying", D, "assert",
    {"via": "ap"}),
   ("ap", "AP", "Such underground facilities led the US...as deep as the one at Natanz.", "added", D, "assert"),
   ("us-military", "the American military",
    "Such underground facilities led the US...of earth before detonating", "according to", I, "assert",
    {"nested": True, "inside": True}),
   ("reportedly", None, "US officials reportedly have discussed using two such bombs...to ensure a site is destroyed",
    "reportedly", I, "assert", {"nested": True, "optional": True}),
   ("ap", "it", "With such bombs potentially off the table...sabotage attacks may resume,", "said", D, "warn"),
   ("iran", "Iran", "it only responds to diplomacy and respect", "has long said", I, "assert", {"before": 0}),
  ]},
}
