"""Short texts written for the story tests: an invented French report, its copies, a report of its own."""

SOURCE_FR = (
    "La Norvège et le Chili signent un accord sur le cuivre à Oslo\n"
    "La Norvège et le Chili ont signé jeudi à Oslo un accord sur le cuivre, a annoncé le gouvernement norvégien. "
    "La ministre du Commerce Ingrid Solberg a reçu son homologue chilien Tomás Aravena au palais royal. "
    "L'accord prévoit la livraison de 90 000 tonnes de cuivre chilien par an jusqu'en 2030, selon le ministère. "
    "« C'est un pont entre nos deux océans », a déclaré Ingrid Solberg devant la presse. "
    "Tomás Aravena a affirmé que Santiago investirait 40 millions d'euros dans une fonderie près de Bergen. "
    "Des syndicats de mineurs ont critiqué le texte, estimant que les salaires n'étaient pas garantis. "
    "Les deux ministres se retrouveront en mars à Valparaiso pour un premier bilan."
)

VERBATIM_FR = (
    "Oslo et Santiago : accord sur le cuivre\n"
    + SOURCE_FR.split("\n", 1)[1]
    + "\nPartagez cet article sur les réseaux sociaux. Abonnez-vous à notre lettre d'information."
)

TRANSLATION_EN = (
    "Norway and Chile sign a copper agreement in Oslo\n"
    "Norway and Chile signed a copper agreement in Oslo on Thursday, the Norwegian government announced. "
    "Trade Minister Ingrid Solberg received her Chilean counterpart Tomás Aravena at the royal palace. "
    "The agreement provides for the delivery of 90,000 tonnes of Chilean copper per year until 2030, according to "
    "the ministry. \"It is a bridge between our two oceans,\" Ingrid Solberg told the press. "
    "Tomás Aravena said Santiago would invest 40 million euros in a smelter near Bergen. "
    "Miners' unions criticised the text, saying wages were not guaranteed. "
    "The two ministers will meet again in March in Valparaiso for a first review."
)

INDEPENDENT_FR = (
    "Cuivre : Santiago trouve un client à Oslo\n"
    "Les mines chiliennes exporteront 90 000 tonnes de cuivre par an vers la Norvège jusqu'en 2030. "
    "À Santiago, le ministère des Mines a confirmé jeudi qu'un contrat avait été conclu avec Oslo après un an "
    "de discussions. Tomás Aravena, le ministre chilien, se trouvait en Norvège pour rencontrer Ingrid Solberg, "
    "selon son cabinet. Les économistes jugent le prix trop bas et craignent pour les recettes de l'État. "
    "La fonderie promise près de Bergen coûterait 40 millions d'euros, un montant que l'opposition conteste. "
    "Un porte-parole de la confédération minière de Valparaiso a dit que les travailleurs n'avaient pas été consultés."
)

UNRELATED_EN = (
    "Floods close roads in western Ireland\n"
    "Heavy rain flooded several roads in County Galway on Monday, the county council said. "
    "Two villages were cut off for a few hours and the fire brigade rescued a driver near Tuam. "
    "Forecasters expect drier weather from Wednesday."
)
