"""Hand annotation of speakers in eight articles of the news gold (issue 13): four Wikinews (CC BY 2.5)
and four Tehran Times (CC BY 4.0, Mehr News Agency). Written from the text only.

Read by ../build.py. Statements are listed in the order of their content in the text.
"""


def P(id, name, aliases=(), titles=(), affiliations=()):
    return {"id": id, "name": name, "kind": "person", "aliases": [name, *aliases], "titles": list(titles),
            "affiliations": list(affiliations)}


def E(id, name, kind, aliases=()):
    return {"id": id, "name": name, "kind": kind, "aliases": [name, *aliases], "titles": [], "affiliations": []}


D, I, M = "direct", "indirect", "mixed"  # noqa: E741 - the statement types, one letter each in the table

ARTICLES = {
 "wikinews-2019-069": {
  "entities": [
   E("nigeria", "Nigeria", "country"),
   P("muchanga", "Albert Muchanga", ["Muchanga", "AU trade and industry commissioner Albert Muchanga",
     "The commissioner"], ["trade and industry commissioner", "commissioner"], ["African Union", "AU"]),
   P("issoufou", "Mahamadou Issoufou", ["Issoufou", "Niger's president Mahamadou Issoufou"], ["president"], ["Niger"]),
   P("el-sisi", "Abdel Fattah el-Sisi", ["el-Sisi", "President Abdel Fattah el-Sisi",
     "AU chairperson President Abdel Fattah el-Sisi of Egypt"], ["AU chairperson", "President"], ["Egypt", "African Union"]),
   E("au", "African Union", "organization", ["AU", "the AU"]),
   P("oramah", "Okey Oramah", ["Oramah", "African Export–Import Bank president Okey Oramah"], ["president"],
     ["African Export–Import Bank"]),
   E("imf", "The International Monetary Fund", "organization", ["International Monetary Fund", "IMF"])],
  "statements": [
   ("nigeria", "Nigeria", "it planned to join the AfCFTA", "previously announced", I, "promise"),
   ("muchanga", "AU trade and industry commissioner Albert Muchanga", "Benin was to join", "announced", I, "assert"),
   ("muchanga", "The commissioner", "We haven't yet agreed...July 1, 2020", "said", D, "assert"),
   ("issoufou", "Niger's president Mahamadou Issoufou", "Nigeria is Africa's biggest economy...would've been handicapped.", "said", D, "assert"),
   ("el-sisi", "AU chairperson President Abdel Fattah el-Sisi of Egypt", "The success of the AfCFTA...into a reality", "said", D, "assert"),
   ("au", "the AU", "an electronic pan-African payment system", "announced", I, "assert", {"optional": True}),
   ("oramah", "African Export–Import Bank president Okey Oramah", "the use of third-party currencies \"costs Africa between $5 and $7 billion,\"", "said", M, "assert"),
   ("oramah", "African Export–Import Bank president Okey Oramah", "Beyond that, it also reduces trade...scarcity of foreign exchange.", "further saying", D, "assert"),
   ("imf", "The International Monetary Fund", "the AfCFTA might be for African countries...\"economic game changer\"", "said", M, "assert"),
  ]},
 "wikinews-2019-082": {
  "entities": [
   E("supreme-court", "the Supreme Court of Puerto Rico", "organization", ["Supreme Court of Puerto Rico",
     "the Supreme Court", "Supreme Court", "the Court", "The opinion of the Court"]),
   P("vazquez", "Wanda Vázquez Garced", ["Vázquez", "Governor Vázquez", "then-Secretary Vázquez",
     "Secretary of Justice Wanda Vázquez Garced"], ["Governor", "Secretary of Justice"],
     ["New Progressive Party", "Puerto Rico"]),
   P("pierluisi", "Pedro R. Pierluisi Urrutia", ["Pedro Pierluisi", "Pierluisi", "Pierluisi Urrutia",
     "The now-former governor Pierluisi"], ["governor", "secretary of state"], ["New Progressive Party", "Puerto Rico"]),
   P("dalmau", "Juan Dalmau", ["Senator Juan Dalmau", "Dalmau"], ["Senator"], ["Puerto Rico Senate"]),
   E("npp", "the ruling New Progressive Party", "organization", ["New Progressive Party"])],
  "statements": [
   ("supreme-court", "the Supreme Court of Puerto Rico", "in favor of a lawsuit filed by the Puerto Rico Senate...his claim to the governorship", "issued a ruling finding", I, "assert", {"optional": True}),
   ("supreme-court", "The opinion of the Court", "[I]t is concluded that the oath...opinion and ruling is effective[.]", "read in part", D, "assert"),
   ("supreme-court", None, "[S]e concluye que...sentencia sea efectiva", None, D, "assert", {"optional": True}),
   ("vazquez", "Governor Vázquez", "she was uninterested in taking up the governorship, but would fill the position as needed", "had previously stated", I, "assert"),
   ("vazquez", "then-Secretary Vázquez", "her willingness to accept the role", "affirmed", I, "propose"),
   ("vazquez", "then-Secretary Vázquez", "Puerto Rico needs certainty and stability...will always be first", "writing", D, "promise"),
   ("vazquez", None, "Puerto Rico necesita certeza...siempre estará primero.", None, D, "promise", {"optional": True}),
   ("pierluisi", "Pierluisi", "he would leave the governorship if the Senate voted against confirming him", "stated", I, "promise"),
   ("pierluisi", "Pierluisi", "the Senate had no say in his confirmation...who holds the governorship", "said", I, "assert"),
   ("dalmau", "Senator Juan Dalmau", "the Senate cancelled its planned hearing...to address the [matter].\"", "According to", M, "assert"),
   ("dalmau", None, "no reconoce la facultad...atendar la misma", None, D, "assert", {"optional": True}),
   ("supreme-court", "the Supreme Court", "Pierluisi was improperly sworn in as governor", "In finding", I, "assert", {"optional": True}),
   ("supreme-court", "the Supreme Court", "unconstitutional a 2005 law permitting...both legislative houses", "also found", I, "assert", {"optional": True}),
   ("npp", "the ruling New Progressive Party", "Puerto Rico becoming a state within the United States", "advocates", I, "appeal", {"optional": True}),
  ]},
 "wikinews-2019-083": {
  "entities": [
   P("fauci", "Anthony Fauci", ["Fauci", "Director Anthony Fauci",
     "Director Anthony Fauci of the United States National Institute of Allergy and Infectious Diseases (NIAID)"],
     ["Director"], ["United States National Institute of Allergy and Infectious Diseases", "NIAID", "United States"]),
   P("muyembe", "Jean-Jacques Muyembe", ["Muyembe", "Professor Jean-Jacques Muyembe", "professor Muyembe",
     "Director General of the DRC's Institut National de Recherche Biomédicale"], ["Professor", "Director General"],
     ["Institut National de Recherche Biomédicale", "Democratic Republic of the Congo", "DRC"]),
   E("studies", "formal studies", "unnamed", ["studies"]),
   P("ryan", "Mike Ryan", ["Ryan", "Mike Ryan of the World Health Organization (WHO)"], [],
     ["World Health Organization", "WHO"]),
   E("who", "World Health Organization", "organization", ["WHO", "the WHO", "WHO's statistics",
     "the WHO's Monitored Emergency Use of Unregistered and Investigational Interventions framework"])],
  "statements": [
   ("fauci", "Director Anthony Fauci of the United States National Institute of Allergy and Infectious Diseases (NIAID)", "a trial of four possible Ebola drugs...the lives of those infected", "announced", I, "assert"),
   ("muyembe", "Professor Jean-Jacques Muyembe", "From now on, we will no longer say that Ebola is incurable[.]", "said", D, "assert"),
   ("muyembe", "He", "thousands of deaths could be prevented", "went on to say", I, "assert"),
   ("studies", "formal studies", "it had less benefit than sought in preventing death", "indicated", I, "assert", {"optional": True}),
   ("ryan", "Mike Ryan of the World Health Organization (WHO)", "the new drugs were only part of the solution", "told", I, "assert"),
   ("ryan", "Mike Ryan of the World Health Organization (WHO)", "What will stop Ebola...most effective way possible.", "told", D, "assert"),
   ("who", "WHO's statistics", "Past EVD outbreak mortality rates...averaged around 50%", "according to", I, "assert"),
   ("muyembe", "Muyembe", "many people do not seek treatment...entering a care facility", "According to", I, "assert"),
   # one quotation broken mid-sentence by "he told the press": its mention "he" lies inside the content
   ("muyembe", "he", "Now that 90% of their patients...population and community[.]", "told", D, "assert", {"within": True}),
   ("who", "the WHO's Monitored Emergency Use of Unregistered and Investigational Interventions framework", "all treatment centers in the DRC...are to be retired", "Per", I, "assert", {"optional": True}),
  ]},
 "wikinews-2019-086": {
  "entities": [
   E("local-media", "local news media", "unnamed", ["news media", "local media"]),
   E("lodge", "Mahala View Lion Lodge", "organization", []),
   E("scientists", "scientists", "unnamed", []),
   P("moganedi", "Connie Moganedi", ["Moganedi", "a spokeswoman for the police department of nearby Cullinan"],
     ["spokeswoman"], ["police department of Cullinan", "Cullinan police"])],
  "statements": [
   ("local-media", "local news media", "Van Biljon, reportedly often referred to...mend a fence at the time", "according to", M, "assert"),
   ("lodge", "Mahala View Lion Lodge", "home to three lions: Rambo, Katryn and Nakita", "formerly billed itself as", I, "assert", {"optional": True}),
   ("scientists", "scientists", "It is one of over two hundred lion lodges...more than six thousand lions", "report", I, "assert"),
   ("moganedi", "Connie Moganedi", "neighbors from other lodges nearby attempted, but were unable, to save van Biljon", "told", I, "assert", {"before": 0}),
   ("moganedi", "Connie Moganedi", "the lions were killed", "said", I, "assert"),
  ]},
 "tehrantimes-481839": {
  "entities": [
   E("cao", "Civil Aviation Organization of Iran", "organization", ["the Civil Aviation Organization of Iran",
     "the Civil Aviation Organization", "The Civil Aviation Organization", "Civil Aviation Organization"]),
   P("khamenei", "Seyed Ali Khamenei", ["Khamenei", "Ayatollah Seyed Ali Khamenei",
     "Leader of the Islamic Revolution Ayatollah Seyed Ali Khamenei"], ["Leader of the Islamic Revolution", "Ayatollah"],
     ["Iran"]),
   P("mohammadibakhsh", "Mohammad Mohammadibakhsh", ["Mohammadibakhsh", "the CEO of the Civil Aviation Organization"],
     ["CEO"], ["Civil Aviation Organization", "Iran"]),
   P("raisi", "Ebrahim Raisi", ["Raisi", "President Ebrahim Raisi"], ["President"], ["Iran"])],
  "statements": [
   ("cao", "the Civil Aviation Organization of Iran", "The first flight of an Iranian-built aircraft is scheduled to take place in the next weeks", "according to", I, "assert"),
   ("khamenei", "Leader of the Islamic Revolution Ayatollah Seyed Ali Khamenei", "the necessity to expand the industry", "emphasized", I, "appeal"),
   ("mohammadibakhsh", "Mohammad Mohammadibakhsh", "the nation is moving forward with the construction of passenger planes", "announced", I, "assert"),
   ("mohammadibakhsh", "he", "The Ministry of Defense is in charge...monitoring the process", "said", I, "assert"),
   ("mohammadibakhsh", "he", "the first phase of manufacturing the new platform of Iran-140 plane has been completed", "adding", I, "assert"),
   ("mohammadibakhsh", "Mohammadibakhsh", "We think the new platform...(March 20),", "said", D, "assert"),
   ("mohammadibakhsh", "Mohammadibakhsh", "the plans to utilize the Iranian plane...have been finalized", "stressing", I, "assert", {"before": 0}),
   ("mohammadibakhsh", "Mohammadibakhsh", "just 175 of Iran’s 330 passenger aircraft are now in use", "said", I, "assert"),
   ("mohammadibakhsh", "he", "With 90 airports and a population...of all sorts and classes", "remarked", I, "assert"),
   ("mohammadibakhsh", "the CEO of the Civil Aviation Organization", "MAPNA, an Iranian energy and infrastructure firm...produce airplane engines", "according to", I, "assert"),
   ("mohammadibakhsh", "He", "significant progress has been made in developing an indigenous airplane engine", "emphasized", I, "assert"),
   ("mohammadibakhsh", "He", "the final version will be exhibited soon", "expressed expectation", I, "assert"),
   ("raisi", "President Ebrahim Raisi", "he had instructed the factory’s specialists...in June 2022", "revealed", I, "assert", {"before": 0}),
   ("raisi", None, "to start producing domestic passenger planes with at least 72 seats", "had instructed", I, "appeal", {"nested": True, "optional": True}),
   ("raisi", "President Ebrahim Raisi", "he had instructed specialists in the Iran Aircraft...with at least 72 seats", "revealed", I, "assert"),
   ("raisi", None, "to immediately start producing domestic passenger planes with at least 72 seats", "had instructed", I, "appeal", {"nested": True, "optional": True}),
   ("cao", "The Civil Aviation Organization", "intentions to start production line for 100-seater passenger aircraft", "confirmed", I, "promise"),
  ]},
 "tehrantimes-481965": {
  "entities": [
   P("jahromi", "Ali Bahadori Jahromi", ["Jahromi", "Bahadori Jahromi", "the spokesman for the Raisi administration",
     "the spokesman"], ["spokesman"], ["Raisi administration", "Iran"]),
   P("moqtadaei", "Abbas Moqtadaei", ["Moqtadaei", "Iranian lawmaker Abbas Moqtadaei",
     "the deputy chairman of the Iranian parliament’s National Security and Foreign Policy Committee"],
     ["lawmaker", "deputy chairman"], ["National Security and Foreign Policy Committee", "Iranian parliament", "Iran"])],
  "statements": [
   ("jahromi", "Ali Bahadori Jahromi", "The main purpose of the Iranian president’s trip...economic relations with China", "according to", I, "assert"),
   ("jahromi", "Jahromi", "the visit by President Ebrahim Raisi to China...25-year strategic partnership plan", "said", I, "assert"),
   ("jahromi", "the spokesman", "The main focus of this trip...emphasizes this issue,", "said", D, "assert"),
   ("jahromi", "He", "Considering that China is the first trade partner...faster pace than before.", "added", D, "assert"),
   ("moqtadaei", "Iranian lawmaker Abbas Moqtadaei", "The visit sparked concerns in the West", "according to", I, "assert"),
   ("moqtadaei", "Moqtadaei", "the Westerners are worried about the acceleration of Iran's power", "said", I, "assert"),
   ("moqtadaei", "He", "They are trying to disrupt this issue...Iran-phobic policy in the region.", "said", D, "accuse"),
  ]},
 "tehrantimes-482032": {
  "entities": [
   P("peyman-pak", "Alireza Peyman-Pak", ["Peyman-Pak", "Head of Iran’s Trade Promotion Organization (TPO) Alireza Peyman-Pak",
     "the official"], ["Head"], ["Trade Promotion Organization", "TPO", "Iran"]),
   P("sadati-nejad", "Javad Sadati-Nejad", ["Sadati-Nejad", "Iran's Agriculture Minister Javad Sadati-Nejad",
     "The agriculture minister"], ["Agriculture Minister"], ["Iran"]),
   P("khandouzi", "Ehsan Khandouzi", ["Khandouzi", "Finance and Economic Affairs Minister Ehsan Khandouzi"],
     ["Finance and Economic Affairs Minister"], ["Iran"])],
  "statements": [
   ("peyman-pak", "Head of Iran’s Trade Promotion Organization (TPO) Alireza Peyman-Pak", "Iran and China have signed industrial contracts...visit to the Asian country", "said", I, "assert"),
   ("peyman-pak", "Peyman-Pak", "During the recent visit of president Raisi...valued at 3.5 billion dollars,", "told", D, "assert"),
   ("peyman-pak", "the official", "prior to the president’s visit, Industry, Mining...between the two sides", "According to", I, "assert"),
   ("peyman-pak", "Peyman-Pak", "the signed contracts and agreements have been...steel industry and etc", "noted", I, "assert"),
   ("sadati-nejad", "Iran's Agriculture Minister Javad Sadati-Nejad", "the Chinese president is interested in Iranian...markets more than ever", "said", I, "assert"),
   ("sadati-nejad", "The agriculture minister", "exporting citrus fruits, honey, and fish to China during President Raisi's tenure", "also referred to", I, "assert", {"optional": True}),
   ("sadati-nejad", "The agriculture minister", "the Iranian agricultural products are now conquering the large Chinese markets", "arguing", I, "assert"),
   ("khandouzi", "he", "this meeting will lead to tangible growth...in the coming years", "expressed hope", I, "assert"),
  ]},
 "tehrantimes-482136": {
  "entities": [
   E("justice-head", "Fars province’s head of justice department", "unnamed", ["head of justice department"]),
   E("prosecutor-rep", "The prosecutor’s representative", "unnamed", ["prosecutor’s representative"]),
   P("rashidi", "Mohammad Ramez Rashidi", ["Rashidi", "Mohammad Ramez", "the mastermind of the incident",
     "the first defendant"], ["first defendant"], ["Daesh"]),
   E("daesh", "Daesh", "organization", ["Daesh terrorist group", "Daesh group"]),
   P("rahmani", "Mohammad Rahmani", ["Rahmani", "Abu Khaled", "the second defendant"], ["second defendant"], ["Daesh"]),
   E("afghan-security", "the Afghanistan Security Department", "organization", ["Afghanistan Security Department"])],
  "statements": [
   ("justice-head", "Fars province’s head of justice department", "5 persons have been indicted in the terrorist attack", "stated", I, "assert"),
   ("justice-head", "Fars province’s head of justice department", "those responsible for such a devilish act are linked to the Daesh terrorist group", "underlining", I, "accuse"),
   ("justice-head", "He", "they had formed a group when they were locked up in Bagram prison in Afghanistan", "said", I, "assert"),
   ("prosecutor-rep", "The prosecutor’s representative", "corruption, sedition, membership in Daesh...against the country’s security", "listed the charges before the defendants as", I, "accuse"),
   ("rashidi", "Rashidi", "he received military training in Jowzjan Province, Afghanistan", "point out", I, "assert"),
   ("rashidi", "he", "he came to Iran twice, the first time...to operate terrorist acts", "said", I, "assert"),
   ("daesh", "Daesh", "to operate terrorist acts", "order", I, "appeal", {"nested": True, "inside": True, "optional": True}),
   ("rashidi", "He", "he received the order of implementing the terroristic plot via Telegram", "finally acknowledged", I, "confirm"),
   ("daesh", None, "implementing the terroristic plot", "the order of", I, "appeal", {"nested": True, "optional": True}),
   ("rahmani", "Rahmani", "he has been in Iran for 9 months, working as a worker", "said", I, "assert"),
   ("rahmani", "he", "he entered Iran illegally and went directly to Tehran", "Admitting", I, "confirm"),
   ("rahmani", "he", "Mohammad Ramez and me were acquainted...member of Daesh group.", "said", D, "assert"),
   ("afghan-security", "the Afghanistan Security Department", "being a member of Daesh group", "on charges of", I, "accuse", {"nested": True, "inside": True, "optional": True}),
  ]},
}
