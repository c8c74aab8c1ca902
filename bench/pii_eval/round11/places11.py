"""Round 11 streets and couriers per address country (typed by hand; US streets invented)."""

from __future__ import annotations

STREETS: dict[str, list[str]] = {
    "AM": ["Tumanyan St", "Sayat-Nova Ave", "Mashtots Ave", "Pushkin St", "Koghbatsi St", "Teryan St"],
    "AZ": ["Nizami küç.", "Rəşid Behbudov küç.", "Üzeyir Hacıbəyov küç.", "Bülbül pr.", "Səməd Vurğun küç.", "Füzuli küç."],
    "AL": ["Rruga Myslym Shyri", "Rruga e Durrësit", "Rruga Sami Frashëri", "Rruga Ismail Qemali", "Rruga e Kavajës", "Rruga Pjetër Bogdani"],
    "MK": ["ul. Makedonija", "bul. Partizanski Odredi", "ul. Dame Gruev", "ul. Orce Nikolov", "bul. Ilinden", "ul. Naum Naumovski Borče"],
    "BA": ["Ferhadija", "Titova", "Maršala Tita", "Zelenih beretki", "Branilaca Sarajeva", "Hamdije Kreševljakovića"],
    "NP": ["Jhamsikhel Marg", "Durbar Marg", "Lazimpat Road", "Thamel Marg", "Bishalnagar Marg", "Sanepa Chowk Road"],
    "UG": ["Kampala Road", "Acacia Avenue", "Kiira Road", "Buganda Road", "Nakasero Road", "Lumumba Avenue"],
    "ZM": ["Cairo Road", "Addis Ababa Drive", "Independence Avenue", "Great East Road", "Kabulonga Road", "Leopards Hill Road"],
    "HN": ["Avenida República de Chile", "Boulevard Morazán", "Calle Real de Comayagüela", "Avenida Juan Pablo II", "Colonia Palmira, Calle Principal", "Avenida La Paz"],
    "VE": ["Avenida Francisco de Miranda", "Avenida Urdaneta", "Calle Los Mangos", "Avenida Andrés Bello", "Avenida Libertador", "Calle La Guairita"],
    "UZ": ["Amir Temur ko'chasi", "Navoiy ko'chasi", "Mustaqillik shoh ko'chasi", "Shota Rustaveli ko'chasi", "Bobur ko'chasi", "Afrosiyob ko'chasi"],
    "US": ["Quarrystone Lane", "Bellwether Court", "Pine Hollow Court", "Gristmill Terrace", "Copperbeech Way", "Windlass Drive"],
}  # fmt: skip

COURIERS: dict[str, list[str]] = {
    "AM": ["HayPost", "Onex Armenia", "Globbing Express", "YerExpress Cargo"],
    "AZ": ["Azərpoçt", "Baku Cargo Line", "CaspiExpress", "Absheron Courier"],
    "AL": ["Posta Shqiptare", "Albanian Courier Service", "Tirana Express Delivery", "Eagle Mobile Post"],
    "MK": ["Pošta na Severna Makedonija", "Delcho Courier", "Vardar Expres", "Ohrid Cargo"],
    "BA": ["BH Pošta", "Hercegovina Expres", "Sarajevo Kurir", "Una Cargo"],
    "NP": ["Nepal Hulak", "Pathao Parcel", "Himalayan Courier Line", "Gorkha Express Cargo"],
    "UG": ["PostaUganda", "Kampala Boda Parcel", "Pearl Express Courier", "Nile Link Logistics"],
    "ZM": ["Zampost", "Copperbelt Express", "Lusaka Parcel Runners", "Zambezi Freight Courier"],
    "HN": ["Honducor", "Expreso Catracho", "Tegus Envíos", "Morazán Courier"],
    "VE": ["Ipostel", "Zoom Envíos", "Tealca", "Liberty Express Caracas"],
    "UZ": ["O'zbekiston Pochtasi", "Fargo Courier", "Samarqand Express", "Tashkent Parcel Line"],
    "US": ["Kiwi Express Courier", "DHL eCommerce Americas", "Courier Express Lines", "LSO Priority Basic"],
}  # fmt: skip
