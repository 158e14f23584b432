"""Short texts written for the provenance tests: one invented story and its kinds of copies."""

SOURCE = (
    "Portugal and Brazil sign fisheries pact in Lisbon\n"
    "Portugal and Brazil signed a fisheries agreement in Lisbon on Tuesday, the Portuguese government said. "
    "Foreign Minister Helena Duarte welcomed her Brazilian counterpart Paulo Ferreira at the Belem palace. "
    "The agreement allows 240 Brazilian trawlers to fish in Portuguese waters until 2031, according to the ministry. "
    "Duarte called the accord \"a bridge across the Atlantic\" and promised regular inspections. "
    "Ferreira said Brasilia would invest 75 million euros in a joint research programme on sardine stocks. "
    "Environmental groups criticised the deal, warning that overfishing had already halved catches since 2015. "
    "The two ministers will meet again in Recife in November to review the first results."
)

VERBATIM = SOURCE + "\nRead more stories on our website."

NEAR_VERBATIM = (
    "Portugal, Brazil seal fisheries pact\n"
    "Portugal and Brazil signed a fisheries agreement in Lisbon on Tuesday, the Portuguese government said. "
    "Foreign Minister Helena Duarte welcomed her Brazilian counterpart Paulo Ferreira at the Belem palace. "
    "The agreement allows 240 Brazilian trawlers to fish in Portuguese waters until 2031, according to the ministry. "
    "Fishermen in Peniche staged a short protest outside the port on Wednesday morning. "
    "Their union said it had not been consulted and asked parliament to vote on the text."
)

SPUN = (
    "Portugal and Brazil ink fishing pact in Lisbon\n"
    "Portugal and Brazil inked a fishing accord in Lisbon on Tuesday, the Portuguese administration stated. "
    "Overseas Minister Helena Duarte greeted her Brazilian equivalent Paulo Ferreira at the Belem mansion. "
    "The accord permits 240 Brazilian trawlers to fish in Portuguese seas until 2031, in line with the ministry. "
    "Duarte referred to the deal as \"a bridge across the Atlantic\" and pledged common inspections. "
    "Ferreira stated Brasilia would put 75 million euros in a shared analysis programme on sardine shares. "
    "Ecological teams slammed the deal, cautioning that overfishing had by now halved catches since 2015. "
    "The 2 ministers will convene once more in Recife in November to assess the first outcomes."
)

SUMMARY = (
    "Brazilian trawlers get access to Portuguese waters\n"
    "Portugal and Brazil agreed on a fisheries deal on Tuesday in the Portuguese capital. "
    "Minister Helena Duarte hosted Paulo Ferreira, and the deal lets 240 trawlers from Brazil work there until 2031. "
    "Brasilia is to invest 75 million euros in sardine research; environmental groups fear overfishing. "
    "The ministers meet again in Recife."
)

TRANSLATION_FR = (
    "Le Portugal et le Brésil signent un pacte sur la pêche à Lisbonne\n"
    "Le Portugal et le Brésil ont signé mardi à Lisbonne un accord sur la pêche, a annoncé le gouvernement "
    "portugais. La ministre des Affaires étrangères Helena Duarte a accueilli son homologue brésilien Paulo "
    "Ferreira au palais de Belem. L'accord autorise 240 chalutiers brésiliens à pêcher dans les eaux portugaises "
    "jusqu'en 2031, selon le ministère. Duarte a qualifié l'accord de « pont à travers l'Atlantique » et a promis "
    "des inspections régulières. Ferreira a déclaré que Brasilia investirait 75 millions d'euros dans un programme "
    "de recherche commun sur les stocks de sardines. Des groupes environnementaux ont critiqué l'accord, "
    "avertissant que la surpêche avait déjà réduit de moitié les prises depuis 2015. Les deux ministres se "
    "retrouveront en novembre à Recife pour examiner les premiers résultats."
)

INDEPENDENT = (
    "Lisbon opens its sea to Brazilian boats\n"
    "Brazilian fishing boats will soon be allowed back into Portuguese waters. "
    "Officials in Lisbon confirmed on Tuesday that a deal had been reached with Brazil after two years of talks. "
    "Critics say the sardine population is fragile and that local crews will lose income. "
    "A spokesman for the Portuguese fishing federation said the government had ignored its members. "
    "Paulo Ferreira, Brazil's minister, was in Portugal for the signing, his office said."
)

UNRELATED = (
    "Storm closes schools in northern Spain\n"
    "Heavy rain and strong winds forced the closure of dozens of schools in Galicia on Monday. "
    "Regional authorities said rivers had burst their banks near Lugo and that two roads were cut. "
    "Forecasters expect the weather to improve by Thursday."
)
