"""Set ``general2``: instruction data with no private data at all.

Public figures (historic and living), fictional characters, brands that look like names,
products, titles of books, films and songs, places (several named like people), eponymous
technical terms, job titles, drugs and vaccines, sports teams, events and institutions. Every
such string is gold ``protected``: a redactor should leave the records unchanged.
Each kind's pool is split by seed between the halves.
"""

from __future__ import annotations

from bench.pii_eval.common import Example
from bench.pii_eval.round2.common2 import Ctx, assistant, system, user

HALF_SIZE = 200

# fmt: off
FACTS: dict[str, tuple[str, ...]] = {
    "historic_figure": (
        "Hypatia of Alexandria", "Ibn Battuta", "Mary Seacole", "Sojourner Truth",
        "Toussaint Louverture", "Lise Meitner", "Srinivasa Ramanujan", "Emmeline Pankhurst",
        "Alexander von Humboldt", "Harriet Tubman", "Johannes Kepler", "Amílcar Cabral",
        "Ernest Shackleton", "Mansa Musa", "Sun Yat-sen", "Simón Bolívar", "Rabindranath Tagore",
        "Carl Linnaeus", "Thomas Sankara", "Louis Pasteur", "Katsushika Hokusai",
        "Dmitri Mendeleev", "Hildegard of Bingen", "Kwame Nkrumah",
    ),
    "living_figure": (
        "Roger Federer", "Jacinda Ardern", "Lionel Messi", "Malala Yousafzai", "Yo-Yo Ma",
        "Wole Soyinka", "Wong Kar-wai", "Greta Thunberg", "Satya Nadella",
        "Kazuo Ishiguro", "Dolly Parton", "Allyson Felix", "Ellen Johnson Sirleaf", "Jane Goodall",
        "Bong Joon-ho", "Simone Biles", "Lin-Manuel Miranda", "Eliud Kipchoge", "Zadie Smith",
        "Keanu Reeves", "Shah Rukh Khan", "Naomi Osaka", "David Attenborough", "Tim Berners-Lee",
    ),
    "fictional": (
        "Precious Ramotswe", "Arya Stark", "Jo March", "Dorothea Brooke", "Katniss Everdeen",
        "Walter White", "Leslie Knope", "Samwise Gamgee", "Lisbeth Salander", "Holden Caulfield",
        "Jean Valjean", "Ebenezer Scrooge", "Captain Ahab", "Miss Marple", "Hercule Poirot",
        "Lara Croft", "Geralt of Rivia", "Paddington Bear", "Anne Shirley", "Tyrion Lannister",
        "Pippi Longstocking", "Philip Marlowe", "Bridget Jones", "Jack Reacher",
    ),
    "brand": (
        "Trader Joe's", "Tim Hortons", "Dr. Martens", "Jack Daniel's", "Johnnie Walker",
        "Calvin Klein", "Tommy Hilfiger", "Hugo Boss", "Estée Lauder", "Sherwin-Williams",
        "Morgan Stanley", "Charles Schwab", "Wells Fargo", "Betty Crocker", "Chef Boyardee",
        "Little Caesars", "Kate Spade", "Ted Baker", "John Lewis", "Sainsbury's",
        "Holland & Barrett", "Jimmy Choo", "Mary Kay", "Tory Burch", "Papa John's",
        "Baskin-Robbins",
    ),
    "product": (
        "Nokia G42", "Galaxy S24 Ultra", "Garmin Edge 540", "Xbox Series X", "ThinkPad T14",
        "Pixel Watch 2", "Apple Vision Pro", "Meta Quest 3", "Kindle Oasis", "Model Y",
        "Toyota Prius", "Ford F-150", "Volkswagen ID.4", "DJI Mini 4 Pro", "LibreOffice Calc",
        "Adobe Photoshop", "Notion", "Figma", "Duolingo", "AirTag", "Chromebook Plus",
        "Galaxy Tab S9",
    ),
    "book": (
        "Arrow of God", "The Shadow of the Wind", "The Remains of the Day",
        "Middlemarch", "The Left Hand of Darkness", "Never Let Me Go", "Half of a Yellow Sun",
        "The Master and Margarita", "Wolf Hall", "The Name of the Rose", "Purple Hibiscus",
        "The Handmaid's Tale", "Norwegian Wood", "The Count of Monte Cristo", "Anna Karenina",
        "Frankenstein", "Educated", "The Kite Runner", "Jane Eyre", "David Copperfield",
        "Madame Bovary", "Emma",
    ),
    "film": (
        "My Neighbor Totoro", "Oldboy", "Casablanca", "Portrait of a Lady on Fire", "Pan's Labyrinth",
        "Everything Everywhere All at Once", "Oppenheimer", "Inception", "City of God",
        "Cinema Paradiso", "The Lives of Others", "Seven Samurai", "Moonlight", "Arrival",
        "Paddington 2", "Mad Max: Fury Road", "Coco", "Dangal", "Annie Hall", "Forrest Gump",
        "Erin Brockovich", "Lawrence of Arabia",
    ),
    "song": (
        "Bohemian Rhapsody", "Hey Jude", "Like a Rolling Stone", "Smells Like Teen Spirit",
        "Billie Jean", "Hallelujah", "Wonderwall", "Despacito", "Dancing Queen", "Purple Rain",
        "Superstition", "Waterloo", "Clair de Lune", "La Vie en rose", "Redemption Song",
        "Roxanne", "Valerie", "Eleanor Rigby", "Mrs. Robinson", "Johnny B. Goode",
        "Sweet Caroline", "Gloria",
    ),
    "place": (
        "Ouagadougou", "Valparaíso", "Tbilisi", "Hobart", "Zanzibar", "Chiang Mai", "Ljubljana",
        "Cusco", "Marrakesh", "Luang Prabang", "Dubrovnik", "Tromsø", "Iguazu Falls",
        "Lake Malawi", "Ha Long Bay", "Saint Lucia", "Charlotte", "Florence", "Lincoln",
        "Darwin", "Alice Springs", "Eugene", "Kingston", "Lafayette", "Carson City",
        "Marion", "Beverly Hills", "Chelsea",
    ),
    "technical": (
        "Dijkstra's algorithm", "Bayes' theorem", "Kalman filter", "Fourier transform",
        "Markov chain", "Turing machine", "Bloom filter", "Levenshtein distance",
        "Gaussian blur", "Boolean algebra", "Newton's method", "Hamming code",
        "Euler's identity", "Doppler effect", "Huffman coding", "Diffie-Hellman",
        "Lamport clock", "Apache Kafka", "Jenkins", "Ansible", "Ruby on Rails", "Haskell",
        "Bézier curve", "Nash equilibrium",
    ),
    "job_title": (
        "Chief Operating Officer", "Midwife", "Senior Software Engineer",
        "Head of Procurement", "Sous Chef", "Conveyancer", "Quantity Surveyor",
        "Occupational Therapist", "Air Traffic Controller", "Product Owner",
        "Data Protection Officer", "Deputy Head Teacher", "Actuary", "Dental Hygienist",
        "Fleet Manager", "Radiographer", "Site Foreman", "Sommelier",
    ),
    "drug": (
        "Paxlovid", "Ozempic", "Cervarix", "Prevnar 20", "Mounjaro", "Metformin",
        "Atorvastatin", "Amoxicillin", "Nuvaxovid", "Arexvy", "Lisinopril", "Sertraline",
        "Dupixent", "Humira", "Keytruda", "Dengvaxia", "Qdenga", "Tamiflu", "Beyfortus",
        "Wegovy",
    ),
    "team": (
        "Boca Juniors", "Golden State Warriors", "New England Patriots", "Kaizer Chiefs",
        "Bayern Munich", "Chennai Super Kings", "All Blacks", "Green Bay Packers",
        "Toronto Maple Leafs", "Real Sociedad", "Boston Red Sox", "Al Ahly", "Orlando Pirates",
        "Montreal Canadiens", "Mumbai Indians", "Juventus", "Aston Villa", "Seattle Storm",
        "Leicester Tigers", "Hokkaido Nippon-Ham Fighters",
    ),
    "event": (
        "Fall of the Berlin Wall", "Woodstock", "Treaty of Westphalia", "Meiji Restoration",
        "Live Aid", "Montgomery bus boycott", "Chernobyl disaster", "Tour de France",
        "Wimbledon", "Paris 2024 Olympics", "Diwali", "Lunar New Year", "Glastonbury Festival",
        "Battle of Hastings", "Apollo 13", "Expo 2020 Dubai", "Great Fire of London",
        "Camp David Accords", "Eurovision Song Contest", "Hajj",
    ),
    "institution": (
        "Johns Hopkins University", "Wellcome Trust", "Carnegie Hall", "Max Planck Institute",
        "Guggenheim Museum", "Rockefeller Center", "Pulitzer Prize", "Victoria and Albert Museum",
        "Mayo Clinic", "Duke University", "Fulbright Program", "Sloan School of Management",
        "Booker Prize", "Marie Curie Actions", "Rhodes Scholarship", "Ford Foundation",
    ),
}

TEMPLATES: dict[str, tuple[tuple[str, str], ...]] = {
    "historic_figure": (
        ("Give me three facts about {a} for a school poster.",
         "Three facts about {a}: their work changed their field, they are still taught in "
         "schools, and many places are named after {a}."),
        ("Write a 50-word biography of {a}.",
         "{a} is remembered for work that reshaped how people saw the world; historians still "
         "debate details of {a}'s life, but the legacy is secure."),
        ("Who was more influential, {a} or {b}? One paragraph.",
         "{a} and {b} worked in different worlds; {a} shaped ideas, {b} shaped events, and "
         "comparing them says more about the reader than about them."),
    ),
    "living_figure": (
        ("Write a short intro for a talk about the career of {a}.",
         "Tonight we look at the career of {a}: the early years, the breakthrough, and what "
         "{a} has done since."),
        ("Suggest interview questions for a podcast episode about {a}.",
         "1. What first drew {a} into the field? 2. Which setback taught {a} the most? "
         "3. What would {a} tell a beginner?"),
        ("Compare the public images of {a} and {b} in two sentences.",
         "{a} is seen as disciplined and focused; {b} as warm and unpredictable. Both have "
         "used fame to support causes."),
    ),
    "fictional": (
        ("Is {a} a good role model? Discuss briefly.",
         "{a} has admirable traits and real flaws; that mix is why readers still argue "
         "about {a}."),
        ("Write a dialogue where {a} meets {b}.",
         "{a}: \"I didn't expect to find you here.\"\n{b}: \"Nor I you. Shall we walk?\""),
        ("Describe {a} in five adjectives.",
         "{a}: stubborn, perceptive, loyal, restless, brave."),
    ),
    "brand": (
        ("Write a tagline for a charity bake sale sponsored by {a}.",
         "{a} presents: Bake a Difference. Every crumb counts."),
        ("Is {a} a company or a person?",
         "{a} is a brand; it was named after a founder or a character, but today it refers to "
         "the company."),
        ("Compare the market positioning of {a} and {b}.",
         "{a} aims at a premium, heritage image; {b} competes on familiarity and reach."),
    ),
    "product": (
        ("Pros and cons of the {a} for a student?",
         "Pros of the {a}: reliable, well supported, good resale value. Cons: price and "
         "accessories add up."),
        ("Should I buy the {a} or the {b}?",
         "Pick the {a} if you value its ecosystem; the {b} if you need its specific features."),
    ),
    "book": (
        ("Write discussion questions for a book club reading {a}.",
         "Questions for {a}: 1. Which character changes most? 2. How does the setting shape "
         "the story? 3. Would you recommend {a}, and to whom?"),
        ("Summarise {a} in two sentences without spoilers.",
         "{a} follows characters whose choices ripple outwards. It is about memory, power "
         "and what people owe each other."),
        ("Recommend a pairing: if I liked {a}, should I read {b}?",
         "Yes: {b} shares the moral weight of {a}, with a very different voice."),
    ),
    "film": (
        ("Plan a movie night around {a}: snacks and a follow-up film.",
         "Start with {a}, serve popcorn with a twist from its setting, then follow with {b}."),
        ("Why is {a} considered a classic?",
         "{a} combines a simple story with striking images; critics still cite {a} in "
         "best-of lists."),
    ),
    "song": (
        ("Give me chords for a simple acoustic version of \"{a}\".",
         "A beginner-friendly take on \"{a}\": G, Em, C, D for the verse, capo on 2."),
        ("Make a wedding playlist opener: \"{a}\" or \"{b}\"?",
         "Open with \"{a}\" to get people up; save \"{b}\" for later in the evening."),
    ),
    "place": (
        ("Plan a three-day itinerary for {a}.",
         "Day 1 in {a}: old town walk. Day 2: a museum and a market. Day 3: a day trip "
         "outside {a}."),
        ("What is the weather like in {a} in April?",
         "April in {a} is usually mild, with some rain; pack layers."),
        ("Which is better for a winter trip, {a} or {b}?",
         "For winter sun choose the warmer of the two; {a} has more culture, {b} more nature."),
    ),
    "technical": (
        ("Explain {a} to a first-year student.",
         "{a} is a standard tool: it turns a hard problem into a sequence of simple steps. "
         "Start with a small example of {a} on paper."),
        ("When would I use {a} instead of {b}?",
         "Use {a} when its assumptions hold; {b} is the safer choice when they don't."),
    ),
    "job_title": (
        ("Write a job ad for a {a}.",
         "We are hiring a {a}. You will own your area, work with a friendly team, and get "
         "training and a fair salary."),
        ("What does a {a} do day to day?",
         "A {a} spends most days planning, checking work, and talking to the people who "
         "depend on them."),
    ),
    "drug": (
        ("What is {a} used for? Keep it general.",
         "{a} is a prescription medicine or vaccine; your doctor or pharmacist can say whether "
         "{a} is right for you."),
        ("Can {a} and {b} be taken together?",
         "Ask a pharmacist: {a} and {b} may interact, and dosing depends on the person."),
    ),
    "team": (
        ("Write a match preview: {a} vs {b}.",
         "{a} arrive in form, {b} have home advantage. Expect a close game decided late."),
        ("Give me a short history of {a}.",
         "{a} grew from local roots into a club with fans around the world, with famous "
         "wins and painful losses."),
    ),
    "event": (
        ("Explain the {a} to a ten-year-old.",
         "The {a} was a moment when many people saw that things could change, and "
         "it is still remembered every year."),
        ("Write a timeline entry for the {a}.",
         "{a}: a turning point, widely covered at the time and studied since."),
    ),
    "institution": (
        ("How do I apply to or visit {a}?",
         "Check the official website of {a}: it lists deadlines, opening hours and contacts."),
        ("What is {a} known for?",
         "{a} is known for its reputation, its history and the people connected with it."),
    ),
}
# fmt: on


def generate(half: str) -> list[Example]:
    c = Ctx("general2", half)
    pools = {kind: c.pool(f"general:{kind}", items) for kind, items in FACTS.items()}
    kinds = list(FACTS)
    out: list[Example] = []
    for i in range(HALF_SIZE):
        kind = kinds[i % len(kinds)]
        question, answer = c.rng.choice(TEMPLATES[kind])
        a, b = c.rng.sample(pools[kind], 2)
        ex = c.start()
        if i % 7 == 3:
            ex.messages.append(system("You are a helpful assistant for general questions."))
        ex.messages += [
            user(question.format(a=a, b=b)),
            assistant(answer.format(a=a, b=b)),
        ]
        c.keep(a, kind)
        if "{b}" in question or "{b}" in answer:
            c.keep(b, kind)
        out.append(ex)
    return out
