"""Hand annotation of who said what in eight news articles (four Wikinews, CC BY 2.5; four Tehran Times,
CC BY 4.0, Mehr News Agency), written from the text (tests/gold/README.md).

Read by build.py. Statements are listed in the order of their content in the text.
"""


def P(id, name, aliases=(), titles=(), affiliations=()):
    return {"id": id, "name": name, "kind": "person", "aliases": [name, *aliases], "titles": list(titles),
            "affiliations": list(affiliations)}


def E(id, name, kind, aliases=()):
    return {"id": id, "name": name, "kind": kind, "aliases": [name, *aliases], "titles": [], "affiliations": []}


D, I, M = "direct", "indirect", "mixed"  # noqa: E741 - the statement types, one letter each in the table

ARTICLES = {
 "wikinews-2019-119": {
  "entities": [
   P("greenwich", "Alex Greenwich", ["Greenwich"], [], ["Parliament of New South Wales"]),
   P("conolly", "Kevin Conolly", ["Conolly", "Member of parliament (MP) Kevin Conolly", "MP Kevin Conolly"],
     ["Member of parliament", "MP"], ["Parliament of New South Wales"]),
   P("abbott", "Tony Abbott", ["Abbott", "Former prime minister Tony Abbott"], ["Former prime minister"], ["Australia"]),
   P("sharpe", "Penny Sharpe", ["Sharpe", "MP Penny Sharpe"], ["MP"], ["Parliament of New South Wales"]),
   P("davies", "Tanya Davies", ["Davies", "MP Tanya Davies", "Early opponent MP Tanya Davies"], ["MP"],
     ["Parliament of New South Wales"])],
  "statements": [
   ("greenwich", "Alex Greenwich", "It follows decades of work from women's rights campaigners, activists and people in the Parliament", "said", D, "assert"),
   ("conolly", "Member of parliament (MP) Kevin Conolly", "a law allowing the termination of a life marked a \"sad day for NSW\"", "said", M, "assert"),
   ("abbott", "Former prime minister Tony Abbott", "It is a license for sex-selection abortions...infanticide on demand.", "said", D, "assert"),
   ("sharpe", "MP Penny Sharpe", "The current law has meant women...that's not okay", "said", D, "assert"),
   ("davies", "Early opponent MP Tanya Davies", "We have moved the bill to a better place", "said", D, "assert"),
  ]},
 "wikinews-2019-127": {
  "entities": [
   E("prosecutors", "Prosecutors", "unnamed", ["prosecutors"]),
   P("cullen", "Thomas T. Cullen", ["Cullen", "United States Attorney Thomas T. Cullen"], ["United States Attorney"],
     ["United States"]),
   P("jones", "James Parker Jones", ["Jones", "Judge James Parker Jones", "The judge", "a United States federal judge"],
     ["Judge"], ["United States District Court for the Western District of Virginia"]),
   P("smithers", "Joel Smithers", ["Smithers", "Dr. Joel Smithers", "a doctor based in Martinsville, Virginia"],
     ["Dr."], [])],
  "statements": [
   ("prosecutors", "Prosecutors", "Smithers gave out the prescriptions...from 2015 to 2017", "said", I, "accuse"),
   ("cullen", "United States Attorney Thomas T. Cullen", "Smithers \"perpetuated, on a massive scale...destruction.\"", "said", M, "accuse"),
   ("jones", "The judge", "mental health treatments and a prison near his family", "recommended", I, "appeal", {"via": "WSET-TV"}),
   ("smithers", "Smithers", "some patients deceived him", "claiming", I, "accuse"),
   ("smithers", "He", "his intent to appeal", "filed in court", I, "promise", {"optional": True}),
  ]},
 "wikinews-2019-137": {
  "entities": [
   E("uk-officials", "United Kingdom officials", "unnamed", ["UK officials"]),
   P("johnson", "Boris Johnson", ["Johnson", "Prime Minister Boris Johnson", "Prime Minister Johnson"], ["Prime Minister"],
     ["United Kingdom"]),
   E("footage", "traffic camera footage", "unnamed"),
   P("sacoolas", "Anne Sacoolas", ["Sacoolas"], [], ["United States"]),
   E("police", "Northamptonshire police", "organization", ["police"]),
   P("adderley", "Nick Adderley", ["Adderley", "Northamptonshire's chief constable Nick Adderley"], ["chief constable"],
     ["Northamptonshire police"]),
   E("adderley-mold", "Nick Adderley and Stephen Mold", "group",
     ["Both he and the county's Police and Crime Commissioner Stephen Mold"]),
   E("embassy", "US Embassy in London", "organization", ["the US Embassy in London", "The embassy", "the embassy"]),
   P("raab", "Dominic Raab", ["Raab", "Foreign Secretary Dominic Raab"], ["Foreign Secretary"], ["United Kingdom"]),
   E("state-department", "United States Department of State", "organization",
     ["The State Department", "the United States Department of State", "State Department"]),
   P("charles", "Charlotte Charles", ["Charles", "Dunn's mother"], [], [])],
  "statements": [
   ("uk-officials", "United Kingdom officials", "the United States to waive diplomatic immunity for Anne Sacoolas", "asking", I, "appeal"),
   ("johnson", "Prime Minister Boris Johnson", "the United States to waive diplomatic immunity for Anne Sacoolas", "joined the calls", I, "appeal", {"optional": True}),
   ("johnson", "He", "I think everybody's sympathies...for this type of purpose.", "said", D, "oppose"),
   ("johnson", "Johnson", "And I hope that Anne Sacoolas...with the White House.", "continued", D, "appeal"),
   ("footage", None, "Harry Dunn, a 19-year-old motorcyclist was struck...in Northamptonshire", "according to", I, "assert", {"optional": True}),
   ("sacoolas", "She", "she had diplomatic immunity, but \"that she had no plans to leave the country in the near future\"", "informed", M, "assert"),
   ("police", "police", "Despite the assurances, she and her husband Jonathan Socoolas left the country", "revealed", I, "assert"),
   ("adderley", "Northamptonshire's chief constable Nick Adderley", "to waive her diplomatic immunity", "asking", I, "appeal"),
   ("adderley-mold", "Both he and the county's Police and Crime Commissioner Stephen Mold", "the immunity be waived", "urged", I, "appeal"),
   ("embassy", "The embassy", "the request", "declined", I, "oppose", {"optional": True}),
   ("embassy", "The embassy", "the Socoolas family left per advice from the United States Department of State", "said", I, "assert"),
   ("raab", "Foreign Secretary Dominic Raab", "the embassy to reconsider", "urged", I, "appeal"),
   ("state-department", "The State Department", "deepest sympathies", "gave", D, "other", {"optional": True}),
   ("state-department", "The State Department", "immunity cases were afforded \"intense attention...such decisions carry\"", "said", M, "assert"),
   ("charles", "Charlotte Charles", "She didn't purposely drive...I'm nowhere near.", "said", D, "assert"),
   ("charles", "Charles", "All we need to do is ask her to come back...We’re broken.", "told", D, "appeal"),
  ]},
 "wikinews-2019-138": {
  "entities": [
   E("authorities", "government authorities", "unnamed"),
   E("hospital-spokesperson", "a hospital spokesperson", "unnamed", ["hospital spokesperson"]),
   E("al-jazeera", "Al Jazeera", "organization"),
   P("prasetyo", "Dedi Prasetyo", ["Prasetyo", "a spokesperson for the Indonesian National Police"], ["spokesperson"],
     ["Indonesian National Police", "Indonesia"]),
   P("gunawan", "Budi Gunawan", ["Gunawan", "chief of the Indonesian State Intelligence Agency"], ["chief"],
     ["Indonesian State Intelligence Agency", "Indonesia"])],
  "statements": [
   ("authorities", "government authorities", "Yesterday, Indonesia's security minister Wiranto was stabbed", "according to", I, "assert"),
   ("hospital-spokesperson", "a hospital spokesperson", "Wiranto suffered \"two deep wounds\" in the attack", "according to", M, "assert"),
   ("al-jazeera", "Al Jazeera", "Wiranto was flown to a hospital in Jakarta, and that his condition was stable", "reported", I, "assert"),
   ("prasetyo", "Dedi Prasetyo", "two suspects were arrested", "confirmed", I, "confirm"),
   ("prasetyo", "He", "police suspect the attackers had been \"exposed to radicalism\"", "told", M, "assert"),
   ("gunawan", "Budi Gunawan", "the suspects were linked to the Jamaah Ansharut Daulah network, which itself was related to the Islamic State", "as saying", I, "assert", {"via": "BBC"}),
   ("al-jazeera", "Al Jazeera", "Widodo was planning to visit Wiranto, who was being treated at the Gatot Soebroto Army Hospital", "reported", I, "assert"),
  ]},
 "tehrantimes-483648": {
  "entities": [
   E("reports", "reports", "unnamed"),
   P("kanaani", "Nasser Kanaani", ["Kanaani", "Iranian Foreign Ministry spokesman Nasser Kanaani"], ["spokesman"],
     ["Iranian Foreign Ministry", "Iran"]),
   E("duma", "Russian state Duma", "organization", ["A Russian state Duma committee", "Russian state Duma committee",
     "The Russian investigation committee", "The Russian Duma", "the Russian state Duma", "Russian Duma"])],
  "statements": [
   ("reports", None, "the U.S. has established military biological labs in Ukraine", "reports", I, "assert", {"optional": True}),
   ("kanaani", "Iranian Foreign Ministry spokesman Nasser Kanaani", "the labs are “deeply worrying.”", "saying", M, "assert"),
   ("kanaani", "Kanaani", "Reports about the US military biological labs...are deeply worrying,", "said", D, "assert"),
   ("kanaani", "He", "These activities are in breach...impartial international investigation.", "added", D, "accuse"),
   ("duma", "a report", "Washington is building biological weapons all over the world", "saying", I, "accuse", {"via": "IRNA"}),
   ("duma", "The Russian investigation committee", "the possibility of covert use of biological weapons as completely peaceful industrial products alarming", "called", I, "warn"),
   ("duma", "The Russian Duma", "the American biological weapons program as the greatest threat to the biological security of the world", "assessed", I, "accuse"),
   ("duma", "it", "In recent years, the U.S. biological weapons program...more aggressive,", "said", D, "accuse"),
   ("duma", "the Russian state Duma", "The presence of American biological laboratories...of the host countries", "according to", I, "accuse"),
  ]},
 "tehrantimes-483690": {
  "entities": [
   P("sharif", "Ramezan Sharif", ["Sharif", "General Ramezan Sharif", "General Sharif", "the spokesman",
     "the spokesman for the Islamic Revolution Guards Corps (IRGC)"], ["General", "spokesman"],
     ["Islamic Revolution Guards Corps", "IRGC", "Iran"]),
   E("israeli-official", "an Israeli military official", "unnamed", ["Israeli military official"]),
   E("americans", "the Americans", "country", ["Americans", "United States", "U.S."]),
   E("israel", "Israel", "country", ["the Zionists", "Zionists", "the Zionist regime", "the Zionist regime of Israel",
     "the Israeli regime", "the Tel Aviv regime"]),
   P("salami", "Hossein Salami", ["Salami", "IRGC Chief Commander Hossein Salami", "General Salami", "the commander",
     "the top military official", "the general"], ["Chief Commander", "General"], ["IRGC", "Iran"])],
  "statements": [
   ("sharif", "General Ramezan Sharif", "Israel against any military action against Iran", "has warned", I, "warn"),
   ("sharif", "General Ramezan Sharif", "any such move will lead to the destruction of the Zionist regime of Israel", "asserting", I, "warn"),
   ("israeli-official", "an Israeli military official", "Israel alone can attack Iran", "remarks", I, "warn"),
   ("sharif", "the spokesman", "This statement of the Zionists is not a new statement...cannot support the Zionists,", "told", D, "assert"),
   ("sharif", "He", "In a sense, the Americans are trying...bases supporting the Zionists.", "added", D, "warn"),
   ("sharif", "General Sharif", "The main reason for such a statement...where its fate will lead.", "further said", D, "assert"),
   ("americans", "the Americans", "they are not able to support this regime...where its fate will lead", "the message", I, "assert",
    {"nested": True, "inside": True, "optional": True}),
   ("sharif", "He", "The Zionists know that if they start...accelerate their destruction.", "warned", D, "warn"),
   ("sharif", "General Sharif", "Perhaps this type of statement has such a consequence...take action ourselves.", "said", D, "assert"),
   ("israel", "the Zionists", "we no longer rely so much on your military power and we want to take action ourselves", "want to announce", I, "assert",
    {"nested": True, "inside": True, "optional": True}),
   ("sharif", "General Sharif", "such a statement by the Zionists, General Sharif said, is a political bluff", "said", I, "deny", {"within": True}),
   ("salami", "IRGC Chief Commander Hossein Salami", "Israel is nearing its end", "said", I, "warn"),
   ("salami", "General Salami", "the ultimate victory for Palestine is not distant...closer to collapse", "said", I, "assert"),
   ("salami", "the commander", "The fall of the Zionist regime is pretty imminent", "stated", I, "assert", {"via": "Tasnim"}),
   ("salami", "the top military official", "The cause of liberation of al-Quds has become a clear and achievable reality,", "added", D, "assert"),
   ("salami", "General Salami", "while the foreign policy crisis is making...irreversible decay", "saying", I, "assert"),
   ("salami", "the general", "Today, the enigma of (how to ensure) security...every day,", "stated", D, "assert"),
   ("salami", "the general", "the Zionists come under attacks from Lebanon...who launches the strikes", "adding", I, "assert"),
  ]},
 "tehrantimes-484182": {
  "entities": [
   P("jalalzadeh", "Vahid Jalalzadeh", ["Jalalzadeh", "A senior Iranian lawmaker", "The MP",
     "the head of the Iranian Parliament’s National Security and Foreign Policy Committee"], ["lawmaker", "MP", "head"],
     ["Iranian Parliament’s National Security and Foreign Policy Committee", "Iranian Parliament", "Majlis", "Iran"]),
   P("enayati", "Alireza Enayati", ["Enayati", "A senior Iranian diplomat",
     "the head of the Persian Gulf Bureau at the Iranian Foreign Ministry"], ["head of the Persian Gulf Bureau", "diplomat"],
     ["Iranian Foreign Ministry", "Iran"]),
   E("iran-saudi", "Iran and Saudi Arabia", "group", ["the two countries"])],
  "statements": [
   ("jalalzadeh", "A senior Iranian lawmaker", "preparations for reopening the embassy of Iran and Saudi Arabia are underway", "has said", I, "assert"),
   ("jalalzadeh", "A senior Iranian lawmaker", "the two countries will name ambassadors", "noting", I, "assert"),
   ("jalalzadeh", "Vahid Jalalzadeh", "thaw in Iran-Saudi relations is part of the Raisi administration’s “neighborhood policy”", "implied", M, "assert"),
   ("jalalzadeh", "Jalalzadeh", "The policy of strengthening relations with neighbors...in the east of the country,", "said", D, "assert"),
   ("jalalzadeh", None, "Many of the problems we had with some countries...with these countries.", None, D, "assert"),
   ("jalalzadeh", "He", "The government's recent policy in de-escalating...economic and political fields.", "added", D, "assert"),
   ("jalalzadeh", "Jalalzadeh", "In order to activate the embassies...will take place.", "said", D, "assert"),
   ("jalalzadeh", "The MP", "Our emphasis is that the resumption...enemies of the Islamic world.", "noted", D, "appeal"),
   ("jalalzadeh", "He", "The Majlis supports the government's policy...see its effects in practice.", "concluded", D, "assert"),
   ("enayati", "A senior Iranian diplomat", "Iran and Saudi Arabia will reopen their embassies...in their March agreement", "has said", I, "promise"),
   ("enayati", "Alireza Enayati", "according to the deal, the embassies of the two countries will be reopened before May 9", "has said", I, "assert"),
   ("iran-saudi", "the deal", "the embassies of the two countries will be reopened before May 9", "according to", I, "promise",
    {"nested": True, "inside": True, "optional": True}),
   ("iran-saudi", "The deal", "the foreign ministers of the two countries would hold a meeting for the first time in years", "also stipulated", I, "promise",
    {"optional": True}),
   ("enayati", "Enayati", "This issue took place within a month...met each other,", "said", D, "assert"),
   ("enayati", "He", "a new meeting of foreign ministers is on the agenda...in the near future.”", "also pointed out", M, "assert"),
  ]},
 "tehrantimes-484365": {
  "entities": [
   E("iran", "Iran", "country", ["Tehran"]),
   E("irna", "IRNA", "organization", ["Iran’s official news agency IRNA", "Iran’s official news agency"]),
   E("azerbaijani-fm", "Azerbaijani foreign ministry", "organization", ["The Azerbaijani foreign ministry",
     "Azerbaijan's Foreign Ministry", "Ministry of Foreign Affairs of the Republic of Azerbaijan"]),
   P("hajizada", "Aykhan Hajizada", ["Hajizada",
     "director of the Press Service Department of Azerbaijan's Foreign Ministry"], ["director of the Press Service Department"],
     ["Azerbaijan's Foreign Ministry", "Azerbaijan"]),
   E("azerbaijan", "Azerbaijan", "country", ["Republic of Azerbaijan", "Baku", "the South Caucasian nation"]),
   P("aliyev", "Ilham Aliyev", ["Aliyev", "Azerbaijani President Ilham Aliyev"], ["President"], ["Azerbaijan"])],
  "statements": [
   ("iran", "Iran", "it had expelled four Azerbaijani diplomats...by the South Caucasian nation", "announced", I, "assert"),
   ("irna", "Iran’s official news agency IRNA", "Four diplomats of the Ministry of Foreign Affairs...expelled from Iran last month,", "reported", D, "assert"),
   ("irna", "IRNA", "Iran’s move, IRNA said, comes as a response...nearly a month ago", "said", I, "assert", {"within": True}),
   ("azerbaijani-fm", "The Azerbaijani foreign ministry", "its diplomats in Iran had been expelled", "confirmed", I, "confirm"),
   ("hajizada", "Aykhan Hajizada", "The news in the press these days is not new,", "said", D, "confirm", {"via": "Azerbaijani media"}),
   ("azerbaijan", "Azerbaijan", "four Iranian diplomats as persona non grata", "declaring", I, "other", {"optional": True}),
   ("aliyev", "Aliyev", "Everybody in Iran, all segments...signs of normalization,", "said", D, "warn"),
  ]},
}
